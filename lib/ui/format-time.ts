// Times on the support pages: absolute in UTC (the same for everyone reading a shared link, and what the
// providers' consoles show), with a relative hint ("3 hours ago") where recency matters. The absolute
// forms are built from the UTC fields directly: a list page formats a hundred times, and going through a
// time-zone-aware date (TZDate, Intl) cost about 0.1 ms each, a tenth of a 50-row page's rendering.
import { formatDistanceStrict } from "date-fns";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** The instant's UTC fields, or null for a missing or unreadable time (shown as "—", never a crash). */
function utc(iso: string | null | undefined) {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return {
    day: d.getUTCDate(),
    month: MONTHS[d.getUTCMonth()],
    year: d.getUTCFullYear(),
    time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
    seconds: two(d.getUTCSeconds()),
  };
}

/** "1 Dec 2026, 09:05:07 UTC" */
export function formatTime(iso: string | null | undefined): string {
  const t = utc(iso);
  return t ? `${t.day} ${t.month} ${t.year}, ${t.time}:${t.seconds} UTC` : "—";
}

/** "1 Dec, 09:05" (UTC) */
export function formatShortTime(iso: string | null | undefined): string {
  const t = utc(iso);
  return t ? `${t.day} ${t.month}, ${t.time}` : "—";
}

export function formatAgo(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return "";
  return formatDistanceStrict(new Date(iso), now, { addSuffix: true });
}

/** Day and time to the second, UTC: a log line. "1 Dec, 09:05:07 UTC" */
export function formatLogTime(iso: string): string {
  const t = utc(iso);
  return t ? `${t.day} ${t.month}, ${t.time}:${t.seconds} UTC` : "—";
}
