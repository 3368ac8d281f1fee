// Delivery, bounce, open, click and complaint rates, counted over messages by their send time
// (docs/metrics.md), read from the hourly counters only — never a count over raw events.
import { z } from "zod";
import type { Database } from "../db/open";
import { hourBucket } from "../messages/stats";

export const metricsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  channel: z.enum(["sms", "email"]).optional(),
  campaign: z.string().trim().min(1).optional(),
});

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

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

const DEFAULT_DAYS = 30;
const HOUR = 3_600_000;

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** Counters are hourly: `from` is rounded down and `until` up to whole hours. */
export function metricsRange(
  q: Pick<MetricsQuery, "from" | "until">,
  now = new Date(),
): { from: Date; until: Date } {
  const untilRaw = q.until ? new Date(q.until) : now;
  const until =
    hourBucket(untilRaw).getTime() === untilRaw.getTime()
      ? untilRaw
      : new Date(hourBucket(untilRaw).getTime() + HOUR);
  const from = hourBucket(q.from ? new Date(q.from) : new Date(until.getTime() - DEFAULT_DAYS * 24 * HOUR));
  return { from, until };
}

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

export async function getMetricsSummary(
  db: Database,
  q: MetricsQuery,
  now = new Date(),
): Promise<MetricsSummary> {
  const { from, until } = metricsRange(q, now);
  const rows = await db.prisma.messageStat.groupBy({
    by: ["channel", "metric"],
    where: {
      bucket: { gte: from, lt: until },
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.campaign ? { campaign: q.campaign } : {}),
    },
    _sum: { count: true },
  });
  const counts: Record<"sms" | "email", Record<string, number>> = { sms: { total: 0 }, email: { total: 0 } };
  for (const row of rows) {
    if (row.channel !== "sms" && row.channel !== "email") continue;
    counts[row.channel][row.metric] = Number(row._sum.count ?? 0);
  }
  const result: MetricsSummary = {
    range: { from: from.toISOString(), until: until.toISOString() },
    channel: q.channel ?? null,
    campaign: q.campaign ?? null,
  };
  if (!q.channel || q.channel === "sms") result.sms = summarize("sms", counts.sms);
  if (!q.channel || q.channel === "email") result.email = summarize("email", counts.email);
  return result;
}
