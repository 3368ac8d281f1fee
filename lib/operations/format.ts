// How the operations page writes its figures: milliseconds, the p95 slot, rates per minute, and "3 min ago".
import { formatDistanceStrict } from "date-fns";
import type { Percentile } from "./latency-histogram";

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)}\u202fs`;
  return `${ms >= 10 ? Math.round(ms) : ms.toFixed(1)}\u202fms`;
}

/** The histogram knows the slot, not the value: "≤ 25 ms", or "> 10 s" for the open-ended slot. */
export function formatPercentile(p: Percentile | null): string {
  if (!p) return "—";
  return p.atMostMs === null ? `> ${formatMs(p.aboveMs)}` : `≤ ${formatMs(p.atMostMs)}`;
}

export function formatPerMinute(perMinute: number): string {
  if (perMinute === 0) return "0";
  if (perMinute < 0.1) return "< 0.1";
  return perMinute >= 10 ? String(Math.round(perMinute)) : perMinute.toFixed(1);
}

/** "3 minutes ago", relative to when the page was read (so the server's first paint is stable). */
export function formatAgo(at: Date, now: Date): string {
  if (now.getTime() - at.getTime() < 60_000) return "less than a minute ago";
  return `${formatDistanceStrict(at, now, { roundingMethod: "floor" })} ago`;
}
