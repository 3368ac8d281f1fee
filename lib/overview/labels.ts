// Dates on the overview, written in the dashboard's time zone: chart ticks ("14:00", "Nov 3"), tooltip
// titles, and the range in words ("Nov 23 – Nov 29, 2026").
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

const inZone = (iso: string, timeZone: string) => new TZDate(Date.parse(iso), timeZone);

export function formatTick(iso: string, granularity: "hour" | "day", timeZone: string): string {
  return format(inZone(iso, timeZone), granularity === "hour" ? "HH:mm" : "MMM d");
}

export function formatPointTitle(iso: string, granularity: "hour" | "day", timeZone: string): string {
  return format(inZone(iso, timeZone), granularity === "hour" ? "EEE MMM d, HH:mm" : "EEE MMM d, yyyy");
}

/** `until` is exclusive: the last day shown is the one holding its previous instant. */
export function formatRange(range: { from: string; until: string; timeZone: string }): string {
  const from = inZone(range.from, range.timeZone);
  const last = new TZDate(Date.parse(range.until) - 1, range.timeZone);
  const sameDay = format(from, "yyyy-MM-dd") === format(last, "yyyy-MM-dd");
  const untilAtMidnight = format(inZone(range.until, range.timeZone), "HH:mm") === "00:00";
  const fromAtMidnight = format(from, "HH:mm") === "00:00";
  if (!untilAtMidnight && fromAtMidnight && !sameDay) {
    // Whole days up to now (a day preset): "Nov 25 – Dec 1, 18:00".
    return `${format(from, "MMM d")} – ${format(inZone(range.until, range.timeZone), "MMM d, HH:mm")}`;
  }
  if (!untilAtMidnight || sameDay) {
    // Hours matter (24 h, or a range ending mid-day).
    return `${format(from, "MMM d, HH:mm")} – ${format(inZone(range.until, range.timeZone), "MMM d, HH:mm")}`;
  }
  const sameYear = format(from, "yyyy") === format(last, "yyyy");
  return `${format(from, sameYear ? "MMM d" : "MMM d, yyyy")} – ${format(last, "MMM d, yyyy")}`;
}

/** A day in the zone as the URL and the API take it (YYYY-MM-DD). */
export function toDayParam(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd");
}
