// Splits a period into the whole days (in the dashboard's zone) that the daily counters answer and the
// hours at its edges that only the hourly counters can. An hour bucket belongs to the day its start falls
// in, as the daily counters are written (lib/counters/daily-zone.ts): where midnight is not on a whole UTC
// hour (zones with a :30 or :45 offset), a day's first hour bucket is the first whole hour at or after its
// midnight. A day is whole when every hour bucket of it lies in the period.
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import { ceilHour, type Period } from "./range";

const HOUR = 3_600_000;

export interface DaySpan {
  /** First whole day, YYYY-MM-DD in the zone (inclusive). */
  fromDay: string;
  /** Day after the last whole day (exclusive). */
  untilDay: string;
  /** The hour buckets those days hold: [start, end). */
  start: Date;
  end: Date;
}

export interface DaySplit {
  /** Whole days, or null when the period holds none. */
  days: DaySpan | null;
  /** Hour spans outside the whole days (0 to 2, none empty), in order. */
  hours: Period[];
}

/** The day (YYYY-MM-DD in the zone) an hour bucket belongs to. */
export function dayOfHour(hour: Date, timeZone: string): string {
  return format(new TZDate(hour.getTime(), timeZone), "yyyy-MM-dd");
}

/** The first hour bucket of a day: the first whole hour at or after its start in the zone. */
export function firstHourOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return ceilHour(new Date(startOfDay(new TZDate(y, m - 1, d, 12, timeZone)).getTime()));
}

function nextDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return format(addDays(new TZDate(y, m - 1, d, 12, timeZone), 1), "yyyy-MM-dd");
}

/** `period` must start and end on whole hours (resolveRange's periods do). */
export function splitPeriod(period: Period, timeZone: string): DaySplit {
  const from = period.from.getTime();
  const until = period.until.getTime();
  // The first whole day starts at the first day boundary at or after `from`.
  let fromDay = dayOfHour(period.from, timeZone);
  if (firstHourOfDay(fromDay, timeZone).getTime() !== from) fromDay = nextDay(fromDay, timeZone);
  // The whole days end at the last day boundary at or before `until`.
  let untilDay = dayOfHour(new Date(until - HOUR), timeZone);
  if (firstHourOfDay(nextDay(untilDay, timeZone), timeZone).getTime() === until) {
    untilDay = nextDay(untilDay, timeZone);
  }
  const start = firstHourOfDay(fromDay, timeZone);
  const end = firstHourOfDay(untilDay, timeZone);
  if (fromDay >= untilDay || start.getTime() >= end.getTime()) {
    return { days: null, hours: [{ from: period.from, until: period.until }] };
  }
  const hours: Period[] = [];
  if (start.getTime() > from) hours.push({ from: period.from, until: start });
  if (end.getTime() < until) hours.push({ from: end, until: period.until });
  return { days: { fromDay, untilDay, start, end }, hours };
}
