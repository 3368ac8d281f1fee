// How the overview writes numbers: rates with one decimal ("64.7 %"), counts with thousands separators,
// changes against the previous period in percentage points (rates) or percent (counts).
const COUNT = new Intl.NumberFormat("en-US");

/** A rate in [0, 1] as a percentage with one decimal and a narrow space before the sign: "64.7 %". */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(rate * 100).toFixed(1)}\u202f%`;
}

export function formatCount(count: number): string {
  return COUNT.format(count);
}

export type Change =
  | { kind: "points"; value: number } // a rate moved by this many percentage points
  | { kind: "percent"; value: number }; // a count changed by this share of its previous value

/** The change of a rate, in percentage points; null when either period has no rate. */
export function rateChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  return { kind: "points", value: Math.round((current - previous) * 1000) / 10 };
}

/** The change of a count, in percent of the previous period; null when the previous period had none. */
export function countChange(current: number, previous: number): Change | null {
  if (previous === 0) return null;
  return { kind: "percent", value: Math.round(((current - previous) / previous) * 1000) / 10 };
}

export function formatChange(change: Change | null): string {
  if (!change) return "no previous data";
  const sign = change.value > 0 ? "+" : change.value < 0 ? "−" : "±";
  const magnitude = Math.abs(change.value).toFixed(1);
  return change.kind === "points" ? `${sign}${magnitude} pts` : `${sign}${magnitude}\u202f%`;
}
