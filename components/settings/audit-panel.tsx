import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { AuditRow } from "@/lib/queries/list-audit-entries";
import { formatTime } from "./format-time";

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");
}

export function AuditPanel({ entries }: { entries: AuditRow[] }) {
  return (
    <Card aria-labelledby="audit-heading">
      <CardHeader>
        <CardTitle id="audit-heading">Audit trail</CardTitle>
        <CardDescription>
          Sign-ins, user and role changes, API keys, lifted suppressions and replays — newest first.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted">Nothing recorded yet.</p>
        ) : (
          <TableContainer>
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>When</TableHeaderCell>
                  <TableHeaderCell>Who</TableHeaderCell>
                  <TableHeaderCell>What</TableHeaderCell>
                  <TableHeaderCell>Target</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="whitespace-nowrap">{formatTime(e.at)}</TableCell>
                    <TableCell className="break-all">{e.actor}</TableCell>
                    <TableCell>
                      <code>{e.action}</code>
                      {Object.keys(e.details).length > 0 && (
                        <span className="block text-xs text-muted">{describeDetails(e.details)}</span>
                      )}
                    </TableCell>
                    <TableCell className="break-all">{e.target ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
