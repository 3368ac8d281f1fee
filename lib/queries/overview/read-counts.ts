// The overview's reads beyond the summary: hourly counters for the charts, counters per campaign for the
// table, and the rollups for the breakdowns. Each reads only the hours of the range (bucket is the first
// column of both primary keys; channel/campaign filters use the secondary indexes) and sums in the
// database, so the rows returned are bounded by hours × metrics, campaigns × metrics, or values.
import type { Database } from "../../db/open";
import type { CampaignCount } from "../../overview/campaign-rows";
import type { HourlyCount } from "../../overview/buckets";
import type { RollupCount } from "../../overview/breakdowns";
import type { Period } from "../../overview/range";
import type { SummaryFilters } from "../get-metrics-summary";

/** WHERE clauses shared by the reads: the period, then the optional channel and campaign. */
function where(period: Period, filters: SummaryFilters, params: unknown[]): string {
  params.push(period.from, period.until);
  const clauses = [`bucket >= $${params.length - 1}`, `bucket < $${params.length}`];
  if (filters.channel) {
    params.push(filters.channel);
    clauses.push(`channel = $${params.length}`);
  }
  if (filters.campaign !== undefined) {
    params.push(filters.campaign);
    clauses.push(`campaign = $${params.length}`);
  }
  return clauses.join(" AND ");
}

/**
 * The counters of the chart metrics summed per chart bucket. `starts` are the buckets' starts (hours, or
 * days in the dashboard's zone, computed by lib/overview/buckets.ts): the database sums into them
 * (width_bucket: a binary search per row), so a 90-day chart returns 91 rows per metric, not 2,160.
 */
export async function readChartCounts(
  db: Database,
  period: Period,
  filters: SummaryFilters,
  metrics: readonly string[],
  starts: readonly Date[],
): Promise<HourlyCount[]> {
  const params: unknown[] = [[...metrics], starts.map((d) => d.toISOString())];
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ place: number; channel: string; metric: string; n: bigint }>
  >(
    `SELECT width_bucket(bucket, $2::timestamptz[]) AS place, channel, metric, sum(count)::bigint AS n
       FROM message_stat
      WHERE metric = ANY($1::text[]) AND ${where(period, filters, params)}
      GROUP BY 1, 2, 3`,
    ...params,
  );
  return rows
    .filter((r) => r.place >= 1)
    .map((r) => ({ bucket: starts[r.place - 1], channel: r.channel, metric: r.metric, count: Number(r.n) }));
}

/** Counters per campaign, over every campaign (the table lets one pick another). */
export async function readCampaignCounts(
  db: Database,
  period: Period,
  filters: Pick<SummaryFilters, "channel">,
): Promise<CampaignCount[]> {
  const params: unknown[] = [];
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ campaign: string; channel: string; metric: string; n: bigint }>
  >(
    `SELECT campaign, channel, metric, sum(count)::bigint AS n FROM message_stat
      WHERE ${where(period, filters, params)}
      GROUP BY campaign, channel, metric`,
    ...params,
  );
  return rows.map((r) => ({
    campaign: r.campaign,
    channel: r.channel,
    metric: r.metric,
    count: Number(r.n),
  }));
}

/** The top values of each rollup dimension (and nothing below `limit` per dimension). */
export async function readRollupCounts(
  db: Database,
  period: Period,
  filters: SummaryFilters,
  limit = 10,
): Promise<RollupCount[]> {
  const params: unknown[] = [];
  const clause = where(period, filters, params);
  params.push(limit);
  const rows = await db.prisma.$queryRawUnsafe<Array<{ dimension: string; value: string; n: bigint }>>(
    `SELECT dimension, value, n FROM (
       SELECT dimension, value, n, row_number() OVER (PARTITION BY dimension ORDER BY n DESC, value) AS place
         FROM (SELECT dimension, value, sum(count)::bigint AS n FROM message_rollup
                WHERE ${clause} GROUP BY dimension, value) AS sums
        WHERE n > 0) AS ranked
      WHERE place <= $${params.length}`,
    ...params,
  );
  return rows.map((r) => ({ dimension: r.dimension, value: r.value, count: Number(r.n) }));
}

/** Whether anything ever arrived: a registered message or an event (matched or not). Two index probes. */
export async function readHasTraffic(db: Database): Promise<boolean> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ any: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM message) OR EXISTS (SELECT 1 FROM message_event) AS any`,
  );
  return rows[0]?.any === true;
}
