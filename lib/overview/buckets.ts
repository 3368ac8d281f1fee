// Turns hourly counter rows into the points of a chart: one point per hour up to 48 hours, one per day
// beyond, days being calendar days in the dashboard's time zone (23 or 25 hours across a DST change).
// Every bucket of the range is present, empty ones as zeros, so a chart has no gaps.
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import type { ResolvedRange } from "./range";

const HOUR = 3_600_000;

export interface HourlyCount {
  /** Start of the hour (UTC). */
  bucket: Date;
  channel: string;
  metric: string;
  count: number;
}

export interface SeriesPoint {
  /** ISO start of the hour or of the day in the zone. */
  start: string;
  counts: Record<string, number>;
}

/** The start of every bucket of the range, in order. */
export function bucketStarts(
  range: Pick<ResolvedRange, "from" | "until" | "granularity" | "timeZone">,
): Date[] {
  const starts: Date[] = [];
  if (range.granularity === "hour") {
    for (let t = range.from.getTime(); t < range.until.getTime(); t += HOUR) starts.push(new Date(t));
    return starts;
  }
  let day = startOfDay(new TZDate(range.from.getTime(), range.timeZone));
  while (day.getTime() < range.until.getTime()) {
    starts.push(new Date(day.getTime()));
    day = addDays(day, 1);
  }
  return starts;
}

/** The bucket an hour belongs to: itself, or the day (in the zone) it starts in. */
export function bucketOf(hour: Date, granularity: "hour" | "day", timeZone: string): string {
  if (granularity === "hour") return hour.toISOString();
  return new Date(startOfDay(new TZDate(hour.getTime(), timeZone)).getTime()).toISOString();
}

/** Index of the last start ≤ t (starts ascending), or -1. Numbers only: no time-zone work per row. */
export function findBucket(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Sums hourly (or already daily) rows of one channel into the range's buckets, keyed `metric`. */
export function bucketCounts(
  rows: readonly HourlyCount[],
  channel: string,
  range: Pick<ResolvedRange, "from" | "until" | "granularity" | "timeZone">,
): SeriesPoint[] {
  const starts = bucketStarts(range);
  const times = starts.map((d) => d.getTime());
  const points = starts.map((d): SeriesPoint => ({ start: d.toISOString(), counts: {} }));
  const until = range.until.getTime();
  for (const row of rows) {
    if (row.channel !== channel) continue;
    const t = row.bucket.getTime();
    const index = t < until ? findBucket(times, t) : -1;
    if (index < 0) continue; // outside the range: the reader asked for it by mistake
    const point = points[index];
    point.counts[row.metric] = (point.counts[row.metric] ?? 0) + row.count;
  }
  return points;
}
