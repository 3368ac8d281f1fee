// The overview marketing opens every morning: delivery, open, click, bounce and complaint rates for the
// chosen range, channel and campaign, compared with the previous period, with charts, the campaign table
// and the breakdowns. The first paint comes from here (server); the client leaves refresh it every minute.
import { createSearchParamsCache } from "nuqs/server";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { OverviewClient } from "@/components/overview/overview-client";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getConfigValidation } from "@/lib/env";
import { getWebhookUrls } from "@/lib/config/validate";
import { overviewSearchParams, toOverviewQuery } from "@/lib/overview/search-params";
import { loadOverview } from "@/lib/queries/overview/load-overview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

const searchParamsCache = createSearchParamsCache(overviewSearchParams);

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser();
  const query = toOverviewQuery(searchParamsCache.parse(await searchParams));
  const loaded = await loadOverview(query);
  const config = getConfigValidation().config;
  return (
    <>
      <PageHeader
        title="Overview"
        description="Delivery and engagement of your SMS and email, counted over messages by their send time."
      />
      <OverviewClient initial={loaded} webhookUrls={config ? getWebhookUrls(config) : null} />
    </>
  );
}
