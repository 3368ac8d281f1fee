// The links clicked most in the range's email (every click, by the message's send time).
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { LinkRow } from "@/lib/overview/breakdowns";
import { formatCount } from "@/lib/overview/format";
import { BreakdownCard } from "./breakdown-card";

export function LinksTable({ rows }: { rows: LinkRow[] }) {
  return (
    <BreakdownCard
      id="top-links"
      title="Top clicked links"
      description="Clicks per link, every click counted."
      emptyText="No link was clicked in this range."
      isEmpty={rows.length === 0}
    >
      <TableContainer className="pb-2">
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Link</TableHeaderCell>
              <TableHeaderCell className="text-right">Clicks</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.url} data-testid="link-row">
                <TableCell className="max-w-0 w-full">
                  <span className="block truncate" title={r.url}>
                    {r.url}
                  </span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(r.clicks)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </BreakdownCard>
  );
}
