// Who it went to and from, what it was, and every id under which it is known (ours and the provider's),
// each copyable for a ticket or the provider's console.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { MessageDetail } from "@/lib/queries/get-message";
import { formatRecipient } from "@/lib/phone/format-phone";

export function MessageFacts({ message }: { message: MessageDetail }) {
  const rows: Array<[string, string | null]> = [
    ["To", formatRecipient(message.to)],
    ["From", message.from ? formatRecipient(message.from) : null],
    ["Subject", message.subject],
    ["Campaign", message.campaign],
    [
      "Provider",
      message.provider === "resend" ? "Resend" : message.provider === "twilio" ? "Twilio" : message.provider,
    ],
  ];
  return (
    <Card aria-labelledby="facts-title">
      <CardHeader>
        <CardTitle id="facts-title">Message</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows
            .filter(([, v]) => v)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
        </dl>
        <h3 className="mt-4 mb-1 text-sm font-medium">Ids</h3>
        <ul className="space-y-1.5 text-sm" aria-label="Ids of this message">
          <IdRow label="Signalboard" value={message.id} />
          {message.externalIds.map((x) => (
            <IdRow
              key={x.externalId}
              label={x.provider === "resend" ? "Resend" : "Twilio"}
              value={x.externalId}
            />
          ))}
          {message.externalIds.length === 0 && (
            <li className="text-muted">
              No provider id yet: events for it wait as unmatched until it is registered.
            </li>
          )}
        </ul>
      </CardContent>
    </Card>
  );
}

function IdRow({ label, value }: { label: string; value: string }) {
  return (
    <li className="flex flex-wrap items-center gap-2">
      <span className="w-20 shrink-0 text-muted">{label}</span>
      <code className="min-w-0 flex-1 break-all" data-testid={`id-${label.toLowerCase()}`}>
        {value}
      </code>
      <CopyButton value={value} label={`Copy the ${label} id`} />
    </li>
  );
}
