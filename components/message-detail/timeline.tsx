// Every event of the message in the order it happened, as the providers reported it: duplicates (a copy
// the provider sent again, with no second effect) and late arrivals (a status that came after a later one
// and so did not move the message) are marked; each request's raw payload opens on demand.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TimelineEntry } from "@/lib/queries/get-message";
import type { RequestPayload } from "@/lib/queries/list-request-payloads";
import { describeStatus } from "@/lib/status/status-meaning";
import { formatTime } from "@/lib/ui/format-time";
import { cn } from "@/lib/ui/cn";

export function Timeline({
  channel,
  entries,
  payloads,
}: {
  channel: string;
  entries: TimelineEntry[];
  payloads: Record<string, RequestPayload>;
}) {
  return (
    <Card aria-labelledby="timeline-title">
      <CardHeader>
        <CardTitle id="timeline-title">Timeline</CardTitle>
        <p className="text-sm text-muted">
          {entries.length === 0
            ? "No event has arrived for this message yet."
            : `${entries.length} ${entries.length === 1 ? "event" : "events"}, in the order they happened.`}
        </p>
      </CardHeader>
      {entries.length > 0 && (
        <CardContent>
          <ol className="relative space-y-4 border-l border-line pl-5">
            {entries.map((e) => (
              <TimelineItem
                key={`${e.kind}-${e.requestId}-${e.status}`}
                channel={channel}
                entry={e}
                payload={payloads[e.requestId]}
              />
            ))}
          </ol>
        </CardContent>
      )}
    </Card>
  );
}

function TimelineItem({
  channel,
  entry: e,
  payload,
}: {
  channel: string;
  entry: TimelineEntry;
  payload?: RequestPayload;
}) {
  const meaning = e.status ? describeStatus(channel, e.status) : null;
  const title = e.duplicate ? "Duplicate delivery" : (meaning?.label ?? e.eventType ?? "Event");
  return (
    <li className="relative" data-testid="timeline-entry" data-kind={e.kind} data-status={e.status ?? ""}>
      <span
        aria-hidden
        className={cn(
          "absolute top-1.5 -left-[1.65rem] size-2.5 rounded-full border-2 border-surface",
          e.duplicate
            ? "bg-line"
            : e.late
              ? "bg-warning"
              : meaning?.tone === "danger"
                ? "bg-danger"
                : meaning?.tone === "success"
                  ? "bg-success"
                  : "bg-accent",
        )}
      />
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{title}</h3>
        {e.duplicate && <Badge tone="neutral">Duplicate</Badge>}
        {e.late && <Badge tone="warning">Late</Badge>}
        <time dateTime={e.at} className="text-sm text-muted">
          {formatTime(e.at)}
        </time>
      </div>
      <p className="mt-0.5 text-sm text-muted">
        {e.duplicate
          ? "The provider sent this again; it was stored once and changed nothing."
          : e.late
            ? "Arrived after a later status, so it did not change the message."
            : meaning?.meaning}
      </p>
      {e.occurredAt && e.occurredAt !== e.receivedAt && (
        <p className="text-xs text-muted">Received {formatTime(e.receivedAt)}</p>
      )}
      {e.explanation && (
        <p className="mt-1 text-sm">
          <span className="font-medium">
            {e.explanation.code}: {e.explanation.title}.
          </span>{" "}
          {e.explanation.explanation}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <Link href={`/events/${e.requestId}`} className="text-accent underline underline-offset-2">
          Request in the live log
        </Link>
        {e.duplicateOf && (
          <Link href={`/events/${e.duplicateOf}`} className="text-accent underline underline-offset-2">
            The original request
          </Link>
        )}
      </div>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-muted hover:text-fg">Raw payload</summary>
        {payload ? (
          <>
            <pre
              className="mt-1 max-h-80 overflow-auto rounded-md border border-line bg-surface-muted p-3 text-xs"
              tabIndex={0}
            >
              {payload.text || "(empty body)"}
            </pre>
            {payload.truncated && (
              <p className="text-xs text-muted">Cut at the stored size limit (WEBHOOK_MAX_BODY_BYTES).</p>
            )}
          </>
        ) : (
          <pre
            className="mt-1 max-h-80 overflow-auto rounded-md border border-line bg-surface-muted p-3 text-xs"
            tabIndex={0}
          >
            {JSON.stringify(e.details ?? {}, null, 2)}
          </pre>
        )}
      </details>
    </li>
  );
}
