// Delivery, bounce, open, click and complaint rates, counted over messages by their send time
// (docs/metrics.md), read from the counters only (daily ones for whole days, hourly ones at the edges) —
// never a count over raw events. The overview's cards use the same functions, so the page and the API
// always agree.
import { z } from "zod";
import type { Database } from "../db/open";
import { RANGE_PRESETS, resolveRange, type Period } from "../overview/range";
import { counterSource } from "./overview/counter-source";

/** An instant with offset, or a day (its start in DASHBOARD_TIMEZONE). */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const metricsQuerySchema = z.object({
  range: z.enum(RANGE_PRESETS).optional(),
  from: instant.optional(),
  until: instant.optional(),
  channel: z.enum(["sms", "email"]).optional(),
  campaign: z.string().trim().min(1).max(200).optional(),
});

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export interface SummaryFilters {
  channel?: "sms" | "email";
  campaign?: string;
}

export interface ChannelSummary {
  counts: Record<string, number>;
  rates: Record<string, number | null>;
}

export interface MetricsSummary {
  range: { from: string; until: string };
  channel: string | null;
  campaign: string | null;
  sms?: ChannelSummary;
  email?: ChannelSummary;
}

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function summarize(channel: "sms" | "email", counts: Record<string, number>): ChannelSummary {
  const n = (k: string) => counts[k] ?? 0;
  if (channel === "sms") {
    // A read receipt means it was delivered first.
    const delivered = n("delivered") + n("read");
    const settled = delivered + n("undelivered") + n("failed");
    return {
      counts: { ...counts, deliveredTotal: delivered },
      rates: { deliveryRate: rate(delivered, settled) },
    };
  }
  const delivered = n("delivered");
  const settled = delivered + n("bounced") + n("failed") + n("suppressed");
  return {
    counts,
    rates: {
      deliveryRate: rate(delivered, settled),
      bounceRate: rate(n("bounced"), settled),
      openRate: rate(n("opened"), delivered),
      clickRate: rate(n("clicked"), delivered),
      complaintRate: rate(n("complained"), delivered),
    },
  };
}

export type ChannelCounts = Record<"sms" | "email", Record<string, number>>;

/** Counter rows summed per channel and metric; only those of `campaign` when given. */
export function sumChannelCounts(
  rows: ReadonlyArray<{ channel: string; campaign?: string; metric: string; count: number }>,
  campaign?: string,
): ChannelCounts {
  const counts: ChannelCounts = { sms: { total: 0 }, email: { total: 0 } };
  for (const row of rows) {
    if (row.channel !== "sms" && row.channel !== "email") continue;
    if (campaign !== undefined && row.campaign !== campaign) continue;
    counts[row.channel][row.metric] = (counts[row.channel][row.metric] ?? 0) + row.count;
  }
  return counts;
}

/**
 * Counts per channel and metric over one period: whole days (in `timeZone`) from the daily counters, the
 * hours at the edges from the hourly ones (counterSource).
 */
export async function readChannelCounts(
  db: Database,
  period: Period,
  filters: SummaryFilters,
  timeZone: string,
): Promise<ChannelCounts> {
  const params: unknown[] = [];
  const source = counterSource(period, { kind: "stat", timeZone, filters, params });
  const rows = await db.prisma.$queryRawUnsafe<Array<{ channel: string; metric: string; n: bigint }>>(
    `SELECT channel, metric, sum(count)::bigint AS n FROM ${source} AS s GROUP BY channel, metric`,
    ...params,
  );
  return sumChannelCounts(rows.map((r) => ({ channel: r.channel, metric: r.metric, count: Number(r.n) })));
}

/** The summary of one period: what GET /api/metrics/summary answers and the overview's cards show. */
export async function summarizePeriod(
  db: Database,
  period: Period,
  filters: SummaryFilters,
  timeZone: string,
): Promise<MetricsSummary> {
  return toMetricsSummary(period, filters, await readChannelCounts(db, period, filters, timeZone));
}

/** The summary's shape from counts per channel and metric (the overview's one-scan read uses it too). */
export function toMetricsSummary(
  period: Period,
  filters: SummaryFilters,
  counts: ChannelCounts,
): MetricsSummary {
  const result: MetricsSummary = {
    range: { from: period.from.toISOString(), until: period.until.toISOString() },
    channel: filters.channel ?? null,
    campaign: filters.campaign ?? null,
  };
  if (!filters.channel || filters.channel === "sms") result.sms = summarize("sms", counts.sms);
  if (!filters.channel || filters.channel === "email") result.email = summarize("email", counts.email);
  return result;
}

export async function getMetricsSummary(
  db: Database,
  q: MetricsQuery,
  options: { now?: Date; timeZone: string },
): Promise<MetricsSummary> {
  const range = resolveRange(q, { now: options.now ?? new Date(), timeZone: options.timeZone });
  return summarizePeriod(db, range, { channel: q.channel, campaign: q.campaign }, range.timeZone);
}
