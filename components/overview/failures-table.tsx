// SMS that did not arrive, by Twilio error code, with what the code means.
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { FailureRow } from "@/lib/overview/breakdowns";
import { formatCount, formatRate } from "@/lib/overview/format";
import { BreakdownCard } from "./breakdown-card";

export function FailuresTable({ rows }: { rows: FailureRow[] }) {
  return (
    <BreakdownCard
      id="sms-failures"
      title="SMS failures by error code"
      description="Undelivered and failed SMS, by the code Twilio reported."
      emptyText="No SMS failed in this range."
      isEmpty={rows.length === 0}
    >
      <TableContainer className="pb-2">
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Code and meaning</TableHeaderCell>
              <TableHeaderCell className="text-right">SMS</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.code} data-testid="failure-row" data-code={r.code}>
                <TableCell>
                  <span className="font-medium">
                    {r.code && <code className="mr-1.5">{r.code}</code>}
                    {r.title}
                  </span>
                  {r.explanation && <span className="mt-0.5 block text-xs text-muted">{r.explanation}</span>}
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
