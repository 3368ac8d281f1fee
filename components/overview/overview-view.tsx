"use client";
// Lays out the overview from one OverviewData: controls, SMS and email cards, charts, campaigns and the
// breakdowns — or, before any traffic, how to connect the providers.
import { useQuery } from "@tanstack/react-query";
import { refreshOverview } from "@/app/(dashboard)/overview-actions";
import type { WebhookUrls } from "@/lib/config/validate";
import type { LoadedOverview } from "@/lib/queries/overview/load-overview";
import { BouncesTable } from "./bounces-table";
import { CampaignTable } from "./campaign-table";
import { EmailChart } from "./email-chart";
import { EmptyOverview } from "./empty-overview";
import { FailuresTable } from "./failures-table";
import { LinksTable } from "./links-table";
import { RangeControls } from "./range-controls";
import { SmsChart } from "./sms-chart";
import { StatCards } from "./stat-cards";

const REFRESH_MS = 60_000;

export function OverviewView({
  initial,
  webhookUrls,
}: {
  initial: LoadedOverview;
  webhookUrls: WebhookUrls | null;
}) {
  // Keyed by what the server answered for: a new filter brings new server data and a new key.
  const { data: loaded, isError } = useQuery({
    queryKey: ["overview", initial.query],
    queryFn: () => refreshOverview(initial.query),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.data.generatedAt),
    refetchInterval: REFRESH_MS,
    staleTime: REFRESH_MS / 2,
  });
  const { data, notice } = loaded;

  return (
    <div className="space-y-6" data-testid="overview" data-generated-at={data.generatedAt}>
      <RangeControls data={data} />
      {notice && (
        <p
          role="status"
          className="rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm text-warning"
        >
          {notice}
        </p>
      )}
      {isError && (
        <p role="status" className="text-sm text-danger">
          Could not refresh the overview; showing the numbers from{" "}
          {new Date(data.generatedAt).toLocaleTimeString()}.
        </p>
      )}
      {!data.hasTraffic ? (
        <EmptyOverview urls={webhookUrls} />
      ) : (
        <>
          <div className="grid gap-6">
            {data.cards.sms && (
              <StatCards channel="sms" cards={data.cards.sms} range={data.range}>
                {data.charts.sms && <SmsChart points={data.charts.sms} range={data.range} />}
              </StatCards>
            )}
            {data.cards.email && (
              <StatCards channel="email" cards={data.cards.email} range={data.range}>
                {data.charts.email && <EmailChart points={data.charts.email} range={data.range} />}
              </StatCards>
            )}
          </div>
          <CampaignTable
            rows={data.campaigns}
            selected={data.filters.campaign}
            channel={data.filters.channel}
          />
          <div className="grid gap-6 lg:grid-cols-3">
            {data.filters.channel !== "email" && <FailuresTable rows={data.breakdowns.failures} />}
            {data.filters.channel !== "sms" && <BouncesTable rows={data.breakdowns.bounces} />}
            {data.filters.channel !== "sms" && <LinksTable rows={data.breakdowns.links} />}
          </div>
        </>
      )}
    </div>
  );
}
