// Bounced email by the bounce type and subtype Resend reported.
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { BounceRow } from "@/lib/overview/breakdowns";
import { formatCount, formatRate } from "@/lib/overview/format";
import { BreakdownCard } from "./breakdown-card";

export function BouncesTable({ rows }: { rows: BounceRow[] }) {
  return (
    <BreakdownCard
      id="email-bounces"
      title="Email bounces"
      description="Bounced email by type (Permanent = hard, Temporary = soft) and subtype."
      emptyText="No email bounced in this range."
      isEmpty={rows.length === 0}
    >
      <TableContainer className="pb-2">
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Type / subtype</TableHeaderCell>
              <TableHeaderCell className="text-right">Emails</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.type}/${r.subType}`} data-testid="bounce-row">
                <TableCell>
                  <span className="font-medium">
                    {r.type} / {r.subType}
                  </span>
                  <span className="mt-0.5 block text-xs text-muted">{r.title}</span>
                </TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {formatCount(r.count)}
                  <span className="block text-xs text-muted">{formatRate(r.share)}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </BreakdownCard>
  );
}
