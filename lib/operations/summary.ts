// The operations cards from the rollup's totals over the range: counts per outcome group, the outcomes an
// operator acts on (signature failures, unmatched ids, database errors), and processing time.
import { quantileFromHistogram, type Percentile } from "./latency-histogram";
import { groupOf } from "./outcome-groups";

export interface OutcomeTotal {
  outcome: string;
  count: number;
}

export interface OperationsSummary {
  total: number;
  accepted: number;
  rejected: number;
  signatureFailures: number;
  unmatched: number;
  databaseErrors: number;
  /** Requests per minute over the range. */
  perMinute: number;
  /** Mean processing time of the timed requests; null when none. */
  averageMs: number | null;
  p95: Percentile | null;
}

export function summarizeRequests(
  totals: readonly OutcomeTotal[],
  timing: { durationSumMs: number; histogram: readonly number[] },
  rangeMinutes: number,
): OperationsSummary {
  const of = (outcome: string) =>
    totals.filter((t) => t.outcome === outcome).reduce((a, t) => a + t.count, 0);
  const inGroup = (group: string) =>
    totals.filter((t) => groupOf(t.outcome) === group).reduce((a, t) => a + t.count, 0);
  const total = totals.reduce((a, t) => a + t.count, 0);
  const timed = timing.histogram.reduce((a, b) => a + b, 0);
  return {
    total,
    accepted: inGroup("accepted"),
    rejected: inGroup("rejected"),
    signatureFailures: of("rejected_signature"),
    unmatched: of("unmatched"),
    databaseErrors: of("error"),
    perMinute: rangeMinutes > 0 ? total / rangeMinutes : 0,
    averageMs: timed > 0 ? timing.durationSumMs / timed : null,
    p95: quantileFromHistogram(timing.histogram, 0.95),
  };
}
