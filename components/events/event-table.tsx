// The live log's rows: time, provider, event type, outcome, HTTP status, latency, external id, and links
// to the request's inspector and to the message it touched. Newest first; fresh rows are marked briefly.
import Link from "next/link";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { LiveRow } from "@/lib/queries/live-log-rows";
import { formatLogTime } from "@/lib/ui/format-time";
import { cn } from "@/lib/ui/cn";
import { OutcomeBadge } from "./outcome-badge";
import { ReplayMark } from "./replay-mark";

const PROVIDER_NAMES: Record<string, string> = { twilio: "Twilio", resend: "Resend" };

export function EventTable({ rows, fresh }: { rows: LiveRow[]; fresh?: ReadonlySet<string> }) {
  return (
    <TableContainer aria-label="Webhook requests" role="region" tabIndex={0}>
      <Table>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Received</TableHeaderCell>
            <TableHeaderCell>Outcome</TableHeaderCell>
            <TableHeaderCell className="hidden sm:table-cell">Provider</TableHeaderCell>
            <TableHeaderCell className="hidden md:table-cell">Event</TableHeaderCell>
            <TableHeaderCell className="hidden sm:table-cell">HTTP</TableHeaderCell>
            <TableHeaderCell className="hidden md:table-cell">Latency</TableHeaderCell>
            <TableHeaderCell className="hidden lg:table-cell">External id</TableHeaderCell>
            <TableHeaderCell className="hidden lg:table-cell">Message</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow
              key={r.id}
              data-testid="event-row"
              data-request-id={r.id}
              data-seq={r.seq}
              className={cn(fresh?.has(r.id) && "bg-accent-soft/60 transition-colors")}
            >
              <TableCell className="whitespace-nowrap">
                <Link
                  href={`/events/${r.id}`}
                  className="font-medium text-accent tabular-nums underline-offset-2 hover:underline"
                >
                  {formatLogTime(r.receivedAt)}
                </Link>
                <div className="text-xs text-muted sm:hidden">
                  {PROVIDER_NAMES[r.provider] ?? r.provider} · {r.httpStatus}
                </div>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  <OutcomeBadge outcome={r.outcome} />
                  {r.replayOf && <ReplayMark />}
                </div>
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                {PROVIDER_NAMES[r.provider] ?? r.provider}
              </TableCell>
              <TableCell className="hidden md:table-cell">
                {r.eventType ?? <span className="text-muted">—</span>}
              </TableCell>
              <TableCell className="hidden tabular-nums sm:table-cell">{r.httpStatus}</TableCell>
              <TableCell className="hidden tabular-nums md:table-cell">
                {formatLatency(r.durationMs)}
              </TableCell>
              <TableCell className="hidden max-w-[14rem] truncate font-mono text-xs lg:table-cell">
                {r.externalId ?? <span className="text-muted">—</span>}
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                {r.messageId ? (
                  <Link
                    href={`/messages/${r.messageId}`}
                    className="text-accent underline-offset-2 hover:underline"
                  >
                    Open
                  </Link>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function formatLatency(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
