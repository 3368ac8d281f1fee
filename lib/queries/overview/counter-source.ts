// The rows a read sums for one period: whole days from the daily tables, the hours at the edges from the
// hourly ones (lib/overview/day-split.ts). A 90-day read so touches ~90 day rows per key instead of
// ~2,160 hour rows. The daily tables serve only when they were built for the zone asked for (the check is a
// one-time filter in the same statement); otherwise the same days are read from the hours — exact, slower.
import { DAILY_ZONE_SQL } from "../../counters/daily-zone";
import { splitPeriod } from "../../overview/day-split";
import type { Period } from "../../overview/range";
import type { SummaryFilters } from "../get-metrics-summary";

export type CounterKind = "stat" | "rollup";

const TABLES: Record<CounterKind, { hourly: string; daily: string; columns: string }> = {
  stat: { hourly: "message_stat", daily: "message_stat_daily", columns: "channel, campaign, metric, count" },
  rollup: {
    hourly: "message_rollup",
    daily: "message_rollup_daily",
    columns: "channel, campaign, dimension, value, count",
  },
};

export interface SourceOptions {
  kind: CounterKind;
  timeZone: string;
  filters: SummaryFilters;
  /** Appends parameters; placeholders in the SQL returned refer to them. */
  params: unknown[];
  /** Extra selected expressions (same alias in both), e.g. a chart position or a period label. */
  extra?: { hourly: string; daily: string; alias: string };
  /** Reads the hourly counters only (an hourly chart). */
  hoursOnly?: boolean;
}

/** A parenthesised UNION ALL of the period's pieces, to use as `FROM <source> AS s`. */
export function counterSource(period: Period, options: SourceOptions): string {
  const { kind, timeZone, filters, params, extra } = options;
  const table = TABLES[kind];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const filterSql = () => {
    const clauses: string[] = [];
    if (filters.channel) clauses.push(`channel = ${p(filters.channel)}`);
    if (filters.campaign !== undefined) clauses.push(`campaign = ${p(filters.campaign)}`);
    return clauses.map((c) => ` AND ${c}`).join("");
  };
  const hours = (from: Date, until: Date, condition = "") =>
    `SELECT ${table.columns}${extra ? `, ${extra.hourly} AS ${extra.alias}` : ""} FROM ${table.hourly}
      WHERE bucket >= ${p(from.toISOString())}::timestamptz AND bucket < ${p(until.toISOString())}::timestamptz${filterSql()}${condition}`;

  const split = options.hoursOnly
    ? { days: null, hours: [{ from: period.from, until: period.until }] }
    : splitPeriod(period, timeZone);
  const pieces = split.hours.map((h) => hours(h.from, h.until));
  if (split.days) {
    const zoneMatches = `(SELECT ${DAILY_ZONE_SQL} = ${p(timeZone)})`;
    pieces.push(
      `SELECT ${table.columns}${extra ? `, ${extra.daily} AS ${extra.alias}` : ""} FROM ${table.daily}
        WHERE day >= ${p(split.days.fromDay)}::date AND day < ${p(split.days.untilDay)}::date${filterSql()}
          AND ${zoneMatches}`,
      hours(split.days.start, split.days.end, ` AND NOT ${zoneMatches}`),
    );
  }
  return `(${pieces.join("\n UNION ALL\n")})`;
}
