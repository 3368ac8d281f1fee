// The data of each overview chart, shaped from bucketed counters. Counted over messages by send time,
// like every rate (docs/metrics.md): a point is "the messages sent in that hour or day, as they are now".
import type { SeriesPoint } from "./buckets";

export interface SmsChartPoint {
  start: string;
  /** Includes read receipts: a read message was delivered. */
  delivered: number;
  undelivered: number;
  failed: number;
}

export interface EmailChartPoint {
  start: string;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
}

/** The counter metrics the charts read (nothing else needs to leave the database). */
export const SMS_CHART_METRICS = ["delivered", "read", "undelivered", "failed"] as const;
export const EMAIL_CHART_METRICS = ["delivered", "opened", "clicked", "bounced"] as const;

const n = (p: SeriesPoint, metric: string) => p.counts[metric] ?? 0;

export function shapeSmsChart(points: readonly SeriesPoint[]): SmsChartPoint[] {
  return points.map((p) => ({
    start: p.start,
    delivered: n(p, "delivered") + n(p, "read"),
    undelivered: n(p, "undelivered"),
    failed: n(p, "failed"),
  }));
}

/**
 * "opened" and "clicked" count messages opened or clicked at least once, which stay counted however the
 * status moves; "delivered" and "bounced" are current statuses, so opened may exceed delivered when an
 * opened email later bounced.
 */
export function shapeEmailChart(points: readonly SeriesPoint[]): EmailChartPoint[] {
  return points.map((p) => ({
    start: p.start,
    delivered: n(p, "delivered"),
    opened: n(p, "opened"),
    clicked: n(p, "clicked"),
    bounced: n(p, "bounced"),
  }));
}

/** Whether a chart has anything to draw (an all-zero chart is replaced by a sentence). */
export function hasAnyCount<T extends { start: string }>(points: readonly T[]): boolean {
  return points.some((p) =>
    Object.entries(p).some(([k, v]) => k !== "start" && typeof v === "number" && v > 0),
  );
}
