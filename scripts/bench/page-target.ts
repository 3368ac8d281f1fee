// The pages' target (p95 under 300 ms at 1M messages) and how the overview and support sections of
// docs/benchmarks.md state it and format their figures, so both sections judge and read alike.
export const PAGE_TARGET_MS = 300;

export const int = (n: number) => n.toLocaleString("en-US");
export const ms = (n: number) => n.toFixed(1);

/** The verdict on the worst p95 of the runs that finished, saying so when some did not. */
export function pageTargetVerdict(worst: number, notMeasured: string[]): string {
  if (!Number.isFinite(worst)) return "**not measured**";
  if (worst >= PAGE_TARGET_MS) return `**NOT met** (worst p95 ${ms(worst)} ms)`;
  return notMeasured.length
    ? `met where measured (worst p95 ${ms(worst)} ms), but not every run finished`
    : `**met** (worst p95 ${ms(worst)} ms)`;
}
