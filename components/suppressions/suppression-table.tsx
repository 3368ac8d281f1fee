// Suppressed recipients: who, why in plain words, the event that caused it (with its message), since
// when — and lifting, for those allowed to (one dialog for the whole list, opened by each row's button).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { liftSuppressionAction } from "@/app/(dashboard)/suppressions/actions";
import { formatRecipient } from "@/lib/phone/format-phone";
import type { SuppressionRow } from "@/lib/queries/list-suppressions";
import { describeStatus } from "@/lib/status/status-meaning";
import { describeSuppressionReason } from "@/lib/status/suppression-meaning";
import { formatAgo, formatTime } from "@/lib/ui/format-time";
import { LiftButton } from "./lift-button";
import { LiftDialogProvider } from "./lift-dialog";

export function SuppressionTable({
  items,
  canLift,
  now,
}: {
  items: SuppressionRow[];
  canLift: boolean;
  now: string;
}) {
  const table = (
    <TableContainer aria-label="Suppressions" role="region" tabIndex={0}>
      <Table>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Recipient</TableHeaderCell>
            <TableHeaderCell>Reason</TableHeaderCell>
            <TableHeaderCell className="hidden md:table-cell">Caused by</TableHeaderCell>
            <TableHeaderCell className="hidden sm:table-cell">Since</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">State and actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((s) => {
            const display = formatRecipient(s.recipient);
            const reason = describeSuppressionReason(s.reason);
            return (
              <TableRow key={s.id} data-testid="suppression-row">
                <TableCell className="max-w-[14rem]">
                  <span className="font-medium [overflow-wrap:anywhere]">{display}</span>
                  <div className="text-xs text-muted">
                    {s.channel === "email" ? "Email" : "SMS"}
                    {s.scope && <> · only from {formatRecipient(s.scope)}</>}
                    <span className="sm:hidden"> · {formatAgo(s.since, new Date(now))}</span>
                  </div>
                </TableCell>
                <TableCell className="max-w-[18rem]">
                  {reason}
                  {s.detail && <div className="text-xs break-words text-muted">{s.detail}</div>}
                </TableCell>
                <TableCell className="hidden md:table-cell">
                  {s.cause ? (
                    <>
                      {describeStatus(s.channel, s.cause.status).label}
                      {(s.cause.errorCode ?? s.cause.bounceType) && (
                        <> ({s.cause.errorCode ?? s.cause.bounceType})</>
                      )}
                      <div className="text-xs text-muted">{formatTime(s.cause.at)}</div>
                    </>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                  {s.messageId && (
                    <Link
                      href={`/messages/${s.messageId}`}
                      className="block text-xs text-accent underline underline-offset-2"
                    >
                      The message
                    </Link>
                  )}
                </TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">
                  <time dateTime={s.since} title={formatTime(s.since)}>
                    {formatAgo(s.since, new Date(now))}
                  </time>
                </TableCell>
                <TableCell>
                  {s.active ? (
                    canLift ? (
                      <LiftButton
                        target={{
                          recipient: s.recipient,
                          displayRecipient: display,
                          channel: s.channel,
                          scope: s.scope,
                          reasonText: reason,
                        }}
                      />
                    ) : (
                      <Badge tone="danger">In force</Badge>
                    )
                  ) : (
                    <div className="max-w-[14rem] text-xs" data-testid="lifted">
                      <Badge tone="success">Lifted</Badge>
                      <div className="mt-1 text-muted">
                        {s.liftedBy && <>by {s.liftedBy}, </>}
                        {formatTime(s.liftedAt)}
                      </div>
                      {s.liftReason && <div className="break-words">“{s.liftReason}”</div>}
                    </div>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
  return canLift ? <LiftDialogProvider action={liftSuppressionAction}>{table}</LiftDialogProvider> : table;
}
