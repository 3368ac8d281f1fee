// May we still send to this recipient? The suppression state right on the message, with the way to the
// suppression list to lift it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SuppressionStatus } from "@/lib/queries/get-suppression-status";
import { describeSuppressionReason } from "@/lib/status/suppression-meaning";
import { formatTime } from "@/lib/ui/format-time";

export function RecipientSuppression({ suppression }: { suppression: SuppressionStatus }) {
  const active = suppression.entries.filter((e) => e.active);
  return (
    <Card aria-labelledby="suppression-title">
      <CardHeader>
        <CardTitle id="suppression-title">Recipient</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2 text-sm" data-testid="recipient-suppression">
        {active.length === 0 ? (
          <p>
            <Badge tone="success">Can be sent to</Badge>{" "}
            {suppression.entries.length > 0 ? "An earlier suppression was lifted." : "Not suppressed."}
          </p>
        ) : (
          <>
            <p>
              <Badge tone="danger">Suppressed</Badge> Signalboard tells your application not to send to this
              recipient.
            </p>
            <ul className="list-disc space-y-1 pl-5">
              {active.map((e) => (
                <li key={e.id}>
                  {describeSuppressionReason(e.reason)}
                  {e.scope && <> (only from {e.scope})</>}, since{" "}
                  <time dateTime={e.since}>{formatTime(e.since)}</time>
                </li>
              ))}
            </ul>
            <Link
              href={`/suppressions?q=${encodeURIComponent(suppression.recipient)}`}
              className="inline-block text-accent underline underline-offset-2"
            >
              See or lift it on Suppressions
            </Link>
          </>
        )}
      </CardContent>
    </Card>
  );
}
