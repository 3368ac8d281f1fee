// Shapes the rollup's sums per step into the chart's points: every step of the range present (zeros where
// no request came), accepted, rejected and failed apart, and a time label in the dashboard's zone.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { groupOf } from "./outcome-groups";
import type { OperationsRange } from "./range";

/** One sum from the database: the step's start and one outcome's count in it. */
export interface StepCount {
  at: Date;
  outcome: string;
  count: number;
}

export interface RequestPoint {
  /** The step's start, ISO. */
  at: string;
  label: string;
  accepted: number;
  rejected: number;
  errors: number;
}

const MINUTE = 60_000;

export function shapeRequestSeries(
  range: OperationsRange,
  counts: readonly StepCount[],
  timeZone: string,
): RequestPoint[] {
  const step = range.stepMinutes * MINUTE;
  const points: RequestPoint[] = [];
  const byStart = new Map<number, RequestPoint>();
  const pattern = range.preset === "7d" ? "EEE HH:mm" : "HH:mm";
  for (let t = range.from.getTime(); t < range.until.getTime(); t += step) {
    const point = {
      at: new Date(t).toISOString(),
      label: format(new TZDate(t, timeZone), pattern),
      accepted: 0,
      rejected: 0,
      errors: 0,
    };
    points.push(point);
    byStart.set(t, point);
  }
  for (const c of counts) {
    // A sum outside the range (or off the step grid) is a caller's mistake; it is left out, not misplaced.
    const point = byStart.get(c.at.getTime());
    if (!point) continue;
    const group = groupOf(c.outcome);
    if (group === "accepted") point.accepted += c.count;
    else if (group === "rejected") point.rejected += c.count;
    else point.errors += c.count;
  }
  return points;
}
