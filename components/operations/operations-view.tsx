// The operations page's body: range, figures, chart, providers, then what to check and paste.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { WebhookUrlsPanel } from "@/components/settings/webhook-urls-panel";
import type { OperationsData } from "@/lib/queries/operations/get-operations";
import { ConfigurationCheck } from "./configuration-check";
import { MetricCards } from "./metric-cards";
import { ProviderActivity } from "./provider-activity";
import { RangePicker } from "./range-picker";
import { RecommendedCallback } from "@/components/settings/recommended-callback";
import { RequestChart } from "./request-chart";

const RANGE_NAMES = { "1h": "the last hour", "24h": "the last 24 hours", "7d": "the last 7 days" } as const;

export function OperationsView({ data, isAdmin }: { data: OperationsData; isAdmin: boolean }) {
  const urls = data.configuration.urls;
  return (
    <div className="space-y-6">
      <RangePicker active={data.range.preset} />
      <Card aria-labelledby="requests-heading">
        <CardHeader>
          <CardTitle id="requests-heading">Webhook requests</CardTitle>
          <CardDescription>
            Every request to the webhook endpoints over {RANGE_NAMES[data.range.preset]}, from all instances;
            503s are counted by this instance only, since it started (nothing is stored while the database is
            down).
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <MetricCards data={data} />
          <RequestChart points={data.points} stepLabel={data.range.stepLabel} />
        </CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <ProviderActivity data={data} />
        <ConfigurationCheck configuration={data.configuration} showSettingsLink={isAdmin} />
      </div>
      {urls && <RecommendedCallback url={urls.twilioStatusCallback} />}
      <WebhookUrlsPanel urls={urls} />
    </div>
  );
}
