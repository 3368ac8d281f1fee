// The overview's reads: the counters of the period and of the one before it per campaign (the cards and
// the campaign table in one statement), the counters per chart bucket, and the rollups for the breakdowns.
// Each sums in the database over counterSource (whole days from the daily tables, edge hours from the
// hourly ones), so the rows read are bounded by days × keys and the rows returned by campaigns × metrics,
// buckets × metrics, or values.
import type { Database } from "../../db/open";
import type { CampaignCount } from "../../overview/campaign-rows";
import type { HourlyCount } from "../../overview/buckets";
import type { RollupCount } from "../../overview/breakdowns";
import { dayOfHour } from "../../overview/day-split";
import type { Period } from "../../overview/range";
import type { SummaryFilters } from "../get-metrics-summary";
import { counterSource } from "./counter-source";

export interface PeriodCounts {
  current: CampaignCount[];
  previous: CampaignCount[];
}

/**
 * Counters per campaign, channel and metric for the period and the previous one, in one statement. Over
 * every campaign (the table lets one pick another); the cards pick the filtered campaign's rows.
 */
export async function readPeriodCounts(
  db: Database,
  periods: { current: Period; previous: Period },
  filters: Pick<SummaryFilters, "channel">,
  timeZone: string,
): Promise<PeriodCounts> {
  const params: unknown[] = [];
  const source = (period: Period, label: string) =>
    counterSource(period, {
      kind: "stat",
      timeZone,
      filters,
      params,
      extra: { hourly: `'${label}'`, daily: `'${label}'`, alias: "period" },
    });
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ period: string; campaign: string; channel: string; metric: string; n: bigint }>
  >(
    `SELECT period, campaign, channel, metric, sum(count)::bigint AS n
       FROM (${source(periods.current, "current")} UNION ALL ${source(periods.previous, "previous")}) AS s
      GROUP BY period, campaign, channel, metric`,
    ...params,
  );
  const result: PeriodCounts = { current: [], previous: [] };
  for (const r of rows) {
    result[r.period === "current" ? "current" : "previous"].push({
      campaign: r.campaign,
      channel: r.channel,
      metric: r.metric,
      count: Number(r.n),
    });
  }
  return result;
}

/**
 * The counters of the chart metrics summed per chart bucket. `starts` are the buckets' starts (hours, or
 * days in the dashboard's zone, computed by lib/overview/buckets.ts): the database sums into them
 * (width_bucket: a binary search per row), so a 90-day chart returns 91 rows per metric, not 2,160. An
 * hourly chart reads hours only; a daily one reads its whole days from the daily counters.
 */
export async function readChartCounts(
  db: Database,
  period: Period,
  filters: SummaryFilters,
  metrics: readonly string[],
  starts: readonly Date[],
  options: { granularity: "hour" | "day"; timeZone: string },
): Promise<HourlyCount[]> {
  const params: unknown[] = [[...metrics], starts.map((d) => d.toISOString())];
  const daily = options.granularity === "day";
  if (daily) params.push(starts.map((d) => dayOfHour(d, options.timeZone)));
  const source = counterSource(period, {
    kind: "stat",
    timeZone: options.timeZone,
    hoursOnly: !daily,
    filters,
    params,
    extra: {
      hourly: "width_bucket(bucket, $2::timestamptz[])",
      daily: daily ? "width_bucket(day, $3::date[])" : "0",
      alias: "place",
    },
  });
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ place: number; channel: string; metric: string; n: bigint }>
  >(
    `SELECT place, channel, metric, sum(count)::bigint AS n FROM ${source} AS s
      WHERE metric = ANY($1::text[])
      GROUP BY 1, 2, 3`,
    ...params,
  );
  return rows
    .filter((r) => r.place >= 1)
    .map((r) => ({ bucket: starts[r.place - 1], channel: r.channel, metric: r.metric, count: Number(r.n) }));
}

/** The top values of each rollup dimension (and nothing below `limit` per dimension). */
export async function readRollupCounts(
  db: Database,
  period: Period,
  filters: SummaryFilters,
  timeZone: string,
  limit = 10,
): Promise<RollupCount[]> {
  const params: unknown[] = [];
  const source = counterSource(period, { kind: "rollup", timeZone, filters, params });
  params.push(limit);
  const rows = await db.prisma.$queryRawUnsafe<Array<{ dimension: string; value: string; n: bigint }>>(
    `SELECT dimension, value, n FROM (
       SELECT dimension, value, n, row_number() OVER (PARTITION BY dimension ORDER BY n DESC, value) AS place
         FROM (SELECT dimension, value, sum(count)::bigint AS n FROM ${source} AS s
                GROUP BY dimension, value) AS sums
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
