// The URLs to paste into Twilio and Resend, each with a copy button.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { WebhookUrls } from "@/lib/config/validate";

const ROWS = [
  {
    key: "twilio",
    name: "Twilio status callback",
    where:
      "Messaging Service → Integration → Status callback URL, or the StatusCallback parameter of each send",
  },
  {
    key: "resend",
    name: "Resend webhook endpoint",
    where: "Resend → Webhooks → Add endpoint, all email events",
  },
  { key: "health", name: "Health check", where: "For load balancers and uptime monitors" },
] as const;

export function WebhookUrlsPanel({ urls }: { urls: WebhookUrls | null }) {
  return (
    <Card aria-labelledby="urls-heading">
      <CardHeader>
        <CardTitle id="urls-heading">Webhook URLs</CardTitle>
        <CardDescription>Paste these into the consoles of Twilio and Resend.</CardDescription>
      </CardHeader>
      <CardContent>
        {urls ? (
          <dl className="divide-y divide-line">
            {ROWS.map((row) => (
              <div key={row.key} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:gap-4">
                <dt className="sm:w-64 sm:shrink-0">
                  <span className="block text-sm font-medium">{row.name}</span>
                  <span className="block text-xs text-muted">{row.where}</span>
                </dt>
                <dd className="flex min-w-0 flex-1 items-center gap-2">
                  <code
                    data-testid={`${row.key}-url`}
                    className="min-w-0 flex-1 truncate rounded bg-surface-muted px-2 py-1"
                  >
                    {urls[row.key]}
                  </code>
                  <CopyButton value={urls[row.key]} label={`Copy the ${row.name} URL`} />
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm">Fix the configuration errors below to see the URLs.</p>
        )}
      </CardContent>
    </Card>
  );
}
