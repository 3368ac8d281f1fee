// The configuration check: the database's state and every configuration error and warning, as
// `npm run config:check` reports them. The full settings table stays on Settings (admins only).
import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConfigurationOverview } from "@/lib/queries/get-configuration-overview";

const DATABASE_TONE = { ready: "success", starting: "info", unavailable: "danger" } as const;

export function ConfigurationCheck({
  configuration,
  showSettingsLink,
}: {
  configuration: ConfigurationOverview;
  showSettingsLink: boolean;
}) {
  const { errors, warnings, database } = configuration;
  const problems = [
    ...errors.map((p) => ({ ...p, tone: "danger" as const, kind: "Error" })),
    ...warnings.map((p) => ({ ...p, tone: "warning" as const, kind: "Warning" })),
  ];
  return (
    <Card aria-labelledby="config-check-heading">
      <CardHeader>
        <CardTitle id="config-check-heading">Configuration check</CardTitle>
        <CardDescription>
          The same as <code>npm run config:check</code>
          {showSettingsLink ? (
            <>
              ; every setting is on{" "}
              <Link href="/settings" className="underline underline-offset-2">
                Settings
              </Link>
            </>
          ) : null}
          .
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">Database</span>
          <Badge tone={DATABASE_TONE[database.phase as keyof typeof DATABASE_TONE] ?? "neutral"}>
            {database.phase}
          </Badge>
          {database.kind && (
            <span className="text-muted">
              {database.kind === "pglite" ? "embedded (PGlite)" : "PostgreSQL"}
            </span>
          )}
        </p>
        {problems.length === 0 ? (
          <p className="flex items-center gap-2 text-sm" data-testid="config-ok">
            <CheckCircle2 className="size-4 text-success" aria-hidden />
            No configuration errors or warnings.
          </p>
        ) : (
          <ul aria-label="Configuration problems" className="space-y-2">
            {problems.map((p, i) => (
              <li
                key={i}
                className={`rounded-md border px-3 py-2 text-sm ${p.tone === "danger" ? "border-danger/40 bg-danger-soft" : "border-warning/40 bg-warning-soft"}`}
              >
                <span className="sr-only">{p.kind}: </span>
                <code className="font-semibold">{p.variable}</code> {p.message}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
