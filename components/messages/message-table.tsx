// The message list: newest first; each row says who, what, its status in words and when. Recipients
// arrive already masked for a viewer who may not see them.
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
import type { MessageSummary } from "@/lib/queries/list-messages";
import { formatAgo, formatTime } from "@/lib/ui/format-time";
import { isStuck } from "@/lib/messages/describe-outcome";
import { formatRecipient } from "@/lib/phone/format-phone";
import { StatusBadge } from "./status-badge";

export interface MessageTableProps {
  items: MessageSummary[];
  /** Rows link to the message's page (support and admin). */
  linkRows: boolean;
  /** Messages this long without a final status are marked stuck. */
  stuckAfterHours: number;
  now: string;
}

export function MessageTable({ items, linkRows, stuckAfterHours, now }: MessageTableProps) {
  return (
    <TableContainer aria-label="Messages" role="region" tabIndex={0}>
      <Table>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Recipient</TableHeaderCell>
            <TableHeaderCell className="hidden sm:table-cell">Channel</TableHeaderCell>
            <TableHeaderCell className="hidden md:table-cell">Campaign</TableHeaderCell>
            <TableHeaderCell className="hidden sm:table-cell">Sent</TableHeaderCell>
            <TableHeaderCell className="hidden lg:table-cell">Provider id</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((m) => {
            const stuck = isStuck(m, stuckAfterHours, new Date(now));
            return (
              <TableRow key={m.id} data-testid="message-row">
                <TableCell>
                  <StatusBadge channel={m.channel} status={m.status} stuck={stuck} />
                </TableCell>
                <TableCell className="max-w-[14rem]">
                  {linkRows ? (
                    <Link
                      href={`/messages/${m.id}`}
                      className="font-medium [overflow-wrap:anywhere] text-accent underline-offset-2 hover:underline"
                    >
                      {formatRecipient(m.to)}
                    </Link>
                  ) : (
                    <span className="font-medium [overflow-wrap:anywhere]">{formatRecipient(m.to)}</span>
                  )}
                  {m.subject && <div className="truncate text-xs text-muted">{m.subject}</div>}
                  <div className="text-xs text-muted sm:hidden">
                    {m.channel === "email" ? "Email" : "SMS"} · {formatAgo(m.sentAt, new Date(now))}
                  </div>
                </TableCell>
                <TableCell className="hidden sm:table-cell">
                  {m.channel === "email" ? "Email" : "SMS"}
                </TableCell>
                <TableCell className="hidden md:table-cell">
                  {m.campaign ?? <span className="text-muted">—</span>}
                </TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">
                  <time dateTime={m.sentAt} title={formatTime(m.sentAt)}>
                    {formatAgo(m.sentAt, new Date(now))}
                  </time>
                </TableCell>
                <TableCell className="hidden font-mono text-xs break-all lg:table-cell">
                  {m.externalIds[0]?.externalId ?? <span className="text-muted">none yet</span>}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
