// Everything the overview page shows, as plain data (it crosses to client components and to the page's
// refresh). The cards are the metrics summary itself (toMetricsSummary over the same counters that
// GET /api/metrics/summary sums), for the current and the previous period, so the page shows exactly the
// API's numbers.
import type { Database } from "../../db/open";
import { bucketCounts, bucketStarts } from "../../overview/buckets";
import { shapeBreakdowns, type Breakdowns } from "../../overview/breakdowns";
import { shapeCampaignRows, type CampaignRow } from "../../overview/campaign-rows";
import {
  EMAIL_CHART_METRICS,
  SMS_CHART_METRICS,
  shapeEmailChart,
  shapeSmsChart,
  type EmailChartPoint,
  type SmsChartPoint,
} from "../../overview/charts";
import { resolveRange, type RangeInput, type RangePreset } from "../../overview/range";
import { buildStatCards, type StatCard } from "../../overview/stat-cards";
import {
  sumChannelCounts,
  toMetricsSummary,
  type MetricsSummary,
  type SummaryFilters,
} from "../get-metrics-summary";
import { readChartCounts, readHasTraffic, readPeriodCounts, readRollupCounts } from "./read-counts";

export interface OverviewInput extends RangeInput, SummaryFilters {}

export interface OverviewData {
  range: {
    from: string;
    until: string;
    preset: RangePreset | null;
    granularity: "hour" | "day";
    timeZone: string;
    previous: { from: string; until: string };
  };
  filters: { channel: "sms" | "email" | null; campaign: string | null };
  summary: MetricsSummary;
  cards: { sms: StatCard[] | null; email: StatCard[] | null };
  charts: { sms: SmsChartPoint[] | null; email: EmailChartPoint[] | null };
  campaigns: CampaignRow[];
  breakdowns: Breakdowns;
  /** Nothing ever arrived (no message, no event): the page explains how to get traffic in. */
  hasTraffic: boolean;
  generatedAt: string;
}

export async function getOverview(
  db: Database,
  input: OverviewInput,
  options: { now?: Date; timeZone: string; defaultPreset: RangePreset },
): Promise<OverviewData> {
  const now = options.now ?? new Date();
  const range = resolveRange(input, {
    now,
    timeZone: options.timeZone,
    defaultPreset: options.defaultPreset,
  });
  const filters: SummaryFilters = { channel: input.channel, campaign: input.campaign };
  const wantSms = !filters.channel || filters.channel === "sms";
  const wantEmail = !filters.channel || filters.channel === "email";
  const starts = bucketStarts(range);
  const metrics = [...(wantSms ? SMS_CHART_METRICS : []), ...(wantEmail ? EMAIL_CHART_METRICS : [])];

  // On PostgreSQL these run in parallel on the pool; PGlite queues them.
  const [periods, hourly, rollups, hasTraffic] = await Promise.all([
    readPeriodCounts(
      db,
      { current: range, previous: range.previous },
      { channel: filters.channel },
      range.timeZone,
    ),
    readChartCounts(db, range, filters, metrics, starts, range),
    readRollupCounts(db, range, filters, range.timeZone),
    readHasTraffic(db),
  ]);
  // The cards are the summary of the filtered campaign's rows (or of all), exactly what the API sums.
  const summary = toMetricsSummary(range, filters, sumChannelCounts(periods.current, filters.campaign));
  const previous = toMetricsSummary(
    range.previous,
    filters,
    sumChannelCounts(periods.previous, filters.campaign),
  );
  const campaigns = shapeCampaignRows(periods.current);
  const n = (s: MetricsSummary["sms"], k: string) => s?.counts[k] ?? 0;

  return {
    range: {
      from: range.from.toISOString(),
      until: range.until.toISOString(),
      preset: range.preset,
      granularity: range.granularity,
      timeZone: range.timeZone,
      previous: { from: range.previous.from.toISOString(), until: range.previous.until.toISOString() },
    },
    filters: { channel: filters.channel ?? null, campaign: filters.campaign ?? null },
    summary,
    cards: {
      sms: summary.sms && previous.sms ? buildStatCards("sms", summary.sms, previous.sms) : null,
      email: summary.email && previous.email ? buildStatCards("email", summary.email, previous.email) : null,
    },
    charts: {
      sms: wantSms ? shapeSmsChart(bucketCounts(hourly, "sms", range)) : null,
      email: wantEmail ? shapeEmailChart(bucketCounts(hourly, "email", range)) : null,
    },
    campaigns,
    breakdowns: shapeBreakdowns(rollups, {
      smsFailures: n(summary.sms, "undelivered") + n(summary.sms, "failed"),
      emailBounces: n(summary.email, "bounced"),
    }),
    hasTraffic,
    generatedAt: now.toISOString(),
  };
}
