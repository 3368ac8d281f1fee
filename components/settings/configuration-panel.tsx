// Configuration state: errors and warnings first, then every setting — secrets only as set / not set.
import { Badge } from "@/components/ui/badge";
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
import type { ConfigProblem } from "@/lib/config/validate";
import type { ConfigurationOverview, SettingRow } from "@/lib/queries/get-configuration-overview";

function Problems({
  label,
  problems,
  tone,
}: {
  label: string;
  problems: ConfigProblem[];
  tone: "danger" | "warning";
}) {
  if (problems.length === 0) return null;
  const colours = tone === "danger" ? "border-danger/40 bg-danger-soft" : "border-warning/40 bg-warning-soft";
  return (
    <ul aria-label={label} className="mb-4 space-y-2">
      {problems.map((p, i) => (
        <li key={i} className={`rounded-md border px-3 py-2 text-sm ${colours}`}>
          <code className="font-semibold">{p.variable}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}

const valueOf = (s: SettingRow) => s.value ?? (s.state === "set" ? "hidden" : "—");

export function ConfigurationPanel({ overview }: { overview: ConfigurationOverview }) {
  return (
    <Card aria-labelledby="configuration-heading">
      <CardHeader>
        <CardTitle id="configuration-heading">Configuration</CardTitle>
        <CardDescription>
          Set in the environment or in <code>.env.local</code>; <code>npm run config:check</code> prints the
          same.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Problems label="Configuration errors" problems={overview.errors} tone="danger" />
        <Problems label="Configuration warnings" problems={overview.warnings} tone="warning" />
        <TableContainer>
          <Table className="settings">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Setting</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
                <TableHeaderCell className="hidden sm:table-cell">Value</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.settings.map((s) => (
                <TableRow key={s.variable}>
                  <TableHeaderCell scope="row">
                    <code className="break-all">{s.variable}</code>
                    {/* On a phone the value sits under the name instead of in a squeezed third column. */}
                    <span className="mt-0.5 block font-normal break-all text-muted sm:hidden">
                      {valueOf(s)}
                    </span>
                  </TableHeaderCell>
                  <TableCell>
                    <Badge tone={s.state === "set" ? "success" : "neutral"}>{s.state}</Badge>
                    {s.note ? <span className="ml-2 text-xs text-muted">{s.note}</span> : null}
                  </TableCell>
                  <TableCell className="break-all">
                    {s.value ?? (s.state === "set" ? "hidden" : "—")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
    </Card>
  );
}
