// The period an overview or a metrics summary covers, and the one before it. Counters are hourly, so
// every boundary falls on a whole hour. Presets: "24h" is the last 24 hours; "7d", "30d", "90d" are whole
// days in the dashboard's time zone (today so far and the days before it), so a daily chart has exactly
// that many bars. The previous period is the same length, immediately before.
import { TZDate } from "@date-fns/tz";
import { startOfDay, subDays } from "date-fns";

export const RANGE_PRESETS = ["24h", "7d", "30d", "90d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const DEFAULT_PAGE_PRESET: RangePreset = "7d";
/** Without a range or `from`, the API summarizes the last 30 × 24 hours (as it always did). */
const DEFAULT_API_HOURS = 30 * 24;
/** A custom range may cover at most this many days: reads stay bounded. */
export const MAX_RANGE_DAYS = 400;
/** Up to this many hours a chart has one point per hour; beyond, one per day. */
const HOURLY_UP_TO_HOURS = 48;

const HOUR = 3_600_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export interface RangeInput {
  range?: RangePreset;
  /** ISO date-time, or a day (YYYY-MM-DD) meaning its start in the dashboard's time zone. Inclusive. */
  from?: string;
  /** Same forms; exclusive. Default: now. */
  until?: string;
}

export interface Period {
  from: Date;
  until: Date;
}

export interface ResolvedRange extends Period {
  preset: RangePreset | null;
  previous: Period;
  granularity: "hour" | "day";
  timeZone: string;
}

export class InvalidRangeError extends Error {
  constructor(
    readonly path: "range" | "from" | "until",
    message: string,
  ) {
    super(message);
    this.name = "InvalidRangeError";
  }
}

export function floorHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR) * HOUR);
}

export function ceilHour(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / HOUR) * HOUR);
}

/** A day (start of it in the zone) or an instant. */
export function parseInstant(value: string, timeZone: string, path: "from" | "until"): Date {
  const date = DAY_PATTERN.test(value)
    ? (() => {
        const [y, m, d] = value.split("-").map(Number);
        return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
      })()
    : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidRangeError(path, "must be a date (2026-11-01) or an ISO 8601 date-time with offset");
  }
  return date;
}

/** The start (in the zone) of the day `days - 1` days before the one holding the period's last instant. */
function startOfDaysBefore(until: Date, days: number, timeZone: string): Date {
  const lastInstant = new TZDate(until.getTime() - 1, timeZone);
  return new Date(subDays(startOfDay(lastInstant), days - 1).getTime());
}

export function resolveRange(
  input: RangeInput,
  options: { now: Date; timeZone: string; defaultPreset?: RangePreset },
): ResolvedRange {
  const { now, timeZone } = options;
  if (input.range && input.from) {
    throw new InvalidRangeError("range", "give either a range preset or from/until, not both");
  }
  const until = ceilHour(input.until ? parseInstant(input.until, timeZone, "until") : now);
  const preset = input.range ?? (input.from ? null : (options.defaultPreset ?? null));
  let from: Date;
  if (input.from) from = floorHour(parseInstant(input.from, timeZone, "from"));
  else if (preset === "24h") from = new Date(until.getTime() - 24 * HOUR);
  else if (preset) from = floorHour(startOfDaysBefore(until, Number.parseInt(preset, 10), timeZone));
  else from = new Date(until.getTime() - DEFAULT_API_HOURS * HOUR);

  if (from.getTime() >= until.getTime()) throw new InvalidRangeError("from", "must be before until");
  const length = until.getTime() - from.getTime();
  if (length > MAX_RANGE_DAYS * 24 * HOUR) {
    throw new InvalidRangeError("from", `the range may cover at most ${MAX_RANGE_DAYS} days`);
  }
  return {
    from,
    until,
    preset,
    previous: { from: new Date(from.getTime() - length), until: from },
    granularity: length <= HOURLY_UP_TO_HOURS * HOUR ? "hour" : "day",
    timeZone,
  };
}
