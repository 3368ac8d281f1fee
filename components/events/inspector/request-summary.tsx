// The inspector's headline: what became of the request and why, in plain words, with its facts.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { OUTCOME_MEANINGS, isOutcome } from "@/lib/ingest/outcome-meaning";
import type { RequestDetail } from "@/lib/queries/get-request";
import { formatLogTime } from "@/lib/ui/format-time";
import { OutcomeBadge } from "../outcome-badge";
import { RequestRef } from "./request-ref";

export function RequestSummary({ request }: { request: RequestDetail }) {
  const meaning = isOutcome(request.outcome) ? OUTCOME_MEANINGS[request.outcome].meaning : null;
  const facts: Array<[string, React.ReactNode]> = [
    ["Received", formatLogTime(request.receivedAt)],
    [
      "Provider",
      request.provider === "twilio" ? "Twilio" : request.provider === "resend" ? "Resend" : request.provider,
    ],
    ["Answered", `HTTP ${request.httpStatus} in ${request.durationMs.toFixed(1)} ms`],
    ["Event type", request.eventType ?? "—"],
    ["External id", request.externalId ?? "—"],
    ["Delivery id", request.deliveryId ?? "—"],
    ["Signature", request.verified ? "Verified" : "Not verified"],
    ["Source", request.sourceIp ?? "—"],
    ["Sent to", `${request.method} ${request.path}${request.query ? `?${request.query}` : ""}`],
    ["Sequence", request.seq],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <OutcomeBadge outcome={request.outcome} />
          <span>{meaning}</span>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {request.reason && (
          <p data-testid="reason">
            <span className="font-medium">Reason: </span>
            {request.reason}
          </p>
        )}
        {request.summaryCount !== null && (
          <p>This row stands for {request.summaryCount} rejected requests of a flood, stored as one.</p>
        )}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="mb-1 break-all sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

export function RequestLinks({ request }: { request: RequestDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>What it touched</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p>
          <span className="font-medium">Message: </span>
          {request.message ? (
            <Link href={`/messages/${request.message.id}`} className="text-accent underline">
              {request.message.channel === "email" ? "Email" : "SMS"} {request.message.id}
            </Link>
          ) : (
            <span className="text-muted">none</span>
          )}
        </p>
        <div>
          <p className="font-medium">Events it produced</p>
          {request.events.length ? (
            <ul className="list-disc pl-5">
              {request.events.map((e) => (
                <li key={e.id}>
                  {e.eventType} → status <strong>{e.status}</strong>
                  {e.occurredAt && (
                    <span className="text-muted"> (at the provider {formatLogTime(e.occurredAt)})</span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">
              None: {request.outcome === "duplicate" ? "a repeat changes nothing" : "nothing was applied"}.
            </p>
          )}
        </div>
        <div>
          <p className="font-medium">Duplicate chain</p>
          {request.duplicateOf ? (
            <p>
              Repeats <RequestRef link={request.duplicateOf} />, which was stored first.
            </p>
          ) : null}
          {request.copies.length ? (
            <p>
              Repeated by{" "}
              {request.copies.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ", "}
                  <RequestRef link={c} />
                </span>
              ))}
              .
            </p>
          ) : null}
          {!request.duplicateOf && !request.copies.length && <p className="text-muted">No copies.</p>}
        </div>
      </CardContent>
    </Card>
  );
}
