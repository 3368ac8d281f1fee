// Before any traffic: how to connect Twilio and Resend (the URLs, with copy buttons) and how to try it
// with simulated traffic, instead of empty charts.
import { WebhookUrlsPanel } from "@/components/settings/webhook-urls-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { WebhookUrls } from "@/lib/config/validate";

const SIMULATE = "npm run simulate";

export function EmptyOverview({ urls }: { urls: WebhookUrls | null }) {
  return (
    <div className="space-y-6" data-testid="empty-overview">
      <Card aria-labelledby="no-traffic-heading">
        <CardHeader>
          <CardTitle id="no-traffic-heading">No messages or events yet</CardTitle>
          <CardDescription>
            Rates, charts and campaigns appear here once your sending application registers messages and
            Twilio and Resend report on them.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3 text-sm">
          <ol className="list-decimal space-y-1 pl-5">
            <li>Point Twilio and Resend at the URLs below.</li>
            <li>
              Register each message through <code>POST /api/messages</code> (see docs/api.md), with its
              campaign.
            </li>
          </ol>
          <p>To see it filled right now, send simulated, correctly signed traffic from a terminal:</p>
          <div className="flex items-center gap-2">
            <code className="rounded bg-surface-muted px-2 py-1">{SIMULATE}</code>
            <CopyButton value={SIMULATE} label="Copy the command" />
          </div>
        </CardContent>
      </Card>
      <WebhookUrlsPanel urls={urls} />
    </div>
  );
}
