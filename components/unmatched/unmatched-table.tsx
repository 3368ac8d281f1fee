// Events waiting for their message, newest first: when, from which provider, under which id, what they say.
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
import { CopyButton } from "@/components/ui/copy-button";
import type { UnmatchedEvent } from "@/lib/queries/list-unmatched-events";
import { formatRecipient } from "@/lib/phone/format-phone";
import { explainError } from "@/lib/messages/explain";
import { describeStatus } from "@/lib/status/status-meaning";
import { formatAgo, formatTime } from "@/lib/ui/format-time";

export function UnmatchedTable({ items, now }: { items: UnmatchedEvent[]; now: string }) {
  return (
    <TableContainer aria-label="Unmatched events" role="region" tabIndex={0}>
      <Table>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Received</TableHeaderCell>
            <TableHeaderCell>Provider id</TableHeaderCell>
            <TableHeaderCell>Event</TableHeaderCell>
            <TableHeaderCell className="hidden sm:table-cell">Recipient</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((e) => {
            const explanation = explainError({
              channel: e.channel,
              status: e.status,
              errorCode: e.errorCode,
              bounceType: null,
              bounceSubType: null,
            });
            return (
              <TableRow key={e.id} data-testid="unmatched-row">
                <TableCell className="whitespace-nowrap">
                  <time dateTime={e.receivedAt} title={formatTime(e.receivedAt)}>
                    {formatAgo(e.receivedAt, new Date(now))}
                  </time>
                  <div className="text-xs text-muted">{e.provider === "resend" ? "Resend" : "Twilio"}</div>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="text-xs [overflow-wrap:anywhere]">{e.externalId}</code>
                    <CopyButton value={e.externalId} label={`Copy ${e.externalId}`} />
                  </div>
                </TableCell>
                <TableCell>
                  {describeStatus(e.channel, e.status).label}
                  {explanation && (
                    <div className="text-xs text-muted">
                      {explanation.code}: {explanation.title}
                    </div>
                  )}
                  <Link
                    href={`/events/${e.requestId}`}
                    className="block text-xs text-accent underline underline-offset-2"
                  >
                    Request in the live log
                  </Link>
                </TableCell>
                <TableCell className="hidden break-all sm:table-cell">
                  {e.to ? formatRecipient(e.to) : <span className="text-muted">not given</span>}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
