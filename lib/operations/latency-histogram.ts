// The processing-time histogram kept per minute in request_rollup.latency, and the percentile read from it.
// Fixed bounds (not a sketch) so rows from every batch and every instance simply add up slot by slot.

/** Upper bounds in milliseconds; one more slot after the last holds everything slower. */
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

export const LATENCY_SLOTS = LATENCY_BOUNDS_MS.length + 1;

/** The slot a duration falls in: the first bound it does not exceed. */
export function latencySlot(durationMs: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => durationMs <= bound);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

export function emptyHistogram(): number[] {
  return new Array<number>(LATENCY_SLOTS).fill(0);
}

export interface Percentile {
  /** The bound the percentile is at or under; null when it falls in the open-ended slot. */
  atMostMs: number | null;
  /** The bound below, so the value lies in (aboveMs, atMostMs]. */
  aboveMs: number;
}

/**
 * The slot holding the q-th quantile (e.g. 0.95), said as its bounds: a histogram only knows the slot, so
 * the page says "p95 ≤ 25 ms" rather than inventing a precise figure. Null when nothing was timed.
 */
export function quantileFromHistogram(histogram: readonly number[], q: number): Percentile | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i];
    if (seen >= rank)
      return {
        atMostMs: i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i] : null,
        aboveMs: i === 0 ? 0 : LATENCY_BOUNDS_MS[Math.min(i, LATENCY_BOUNDS_MS.length) - 1],
      };
  }
  return null;
}
