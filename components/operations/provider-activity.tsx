// When each provider last called, with a warning when one went quiet while its channel is still sending.
import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatAgo } from "@/lib/operations/format";
import type { OperationsData } from "@/lib/queries/operations/get-operations";
import { QUIET_WINDOW_MINUTES } from "@/lib/queries/operations/read-provider-activity";

export function ProviderActivity({ data }: { data: OperationsData }) {
  return (
    <Card aria-labelledby="providers-heading">
      <CardHeader>
        <CardTitle id="providers-heading">Providers</CardTitle>
        <CardDescription>The last request from each, whatever its outcome.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y divide-line">
          {data.providers.map((p) => (
            <li key={p.provider} className="py-3" data-testid={`${p.provider}-activity`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium">{p.name}</span>
                {p.lastRequestAt ? (
                  <time
                    dateTime={p.lastRequestAt.toISOString()}
                    title={p.lastRequestAt.toISOString()}
                    className="text-sm text-muted"
                  >
                    Last {p.callback} {formatAgo(p.lastRequestAt, data.generatedAt)}
                  </time>
                ) : (
                  <Badge>No {p.callback} yet</Badge>
                )}
              </div>
              {p.quiet && (
                <p
                  role="status"
                  className="mt-2 flex items-start gap-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
                >
                  <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
                  <span>
                    {p.channel === "sms" ? "SMS" : "Email"} messages were sent in the last{" "}
                    {QUIET_WINDOW_MINUTES} minutes, but {p.name} has sent nothing in that time. Check its
                    webhook URL and secret below.
                  </span>
                </p>
              )}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
