// Times on the support pages: absolute in UTC (the same for everyone reading a shared link, and what the
// providers' consoles show), with a relative hint ("3 hours ago") where recency matters.
import { TZDate } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return `${format(new TZDate(iso, "UTC"), "d MMM yyyy, HH:mm:ss")} UTC`;
}

export function formatShortTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return format(new TZDate(iso, "UTC"), "d MMM, HH:mm");
}

export function formatAgo(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return "";
  return formatDistanceStrict(new Date(iso), now, { addSuffix: true });
}

/** Day and time to the second, UTC: a log line. */
export function formatLogTime(iso: string): string {
  return `${format(new TZDate(iso, "UTC"), "d MMM, HH:mm:ss")} UTC`;
}
