// The operations page's reads of request_rollup: only the minutes of the range (bucket leads the primary
// key), summed in the database, so the rows returned are bounded by steps × outcomes, outcomes, and
// histogram slots — never by requests.
import type { Database } from "../../db/open";
import { LATENCY_SLOTS } from "../../operations/latency-histogram";
import type { OperationsRange } from "../../operations/range";
import type { StepCount } from "../../operations/series";
import type { OutcomeTotal } from "../../operations/summary";

const between = "bucket >= $1::timestamptz AND bucket < $2::timestamptz";

/** Counts per chart step and outcome (steps aligned as resolveOperationsRange aligns them). */
export async function readStepCounts(db: Database, range: OperationsRange): Promise<StepCount[]> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ at: Date; outcome: string; count: bigint }>>(
    `SELECT date_bin(make_interval(mins => $3::int), bucket, timestamptz '1970-01-01 00:00:00+00') AS at,
            outcome, sum(count)::bigint AS count
       FROM request_rollup WHERE ${between}
      GROUP BY 1, 2`,
    range.from.toISOString(),
    range.until.toISOString(),
    range.stepMinutes,
  );
  return rows.map((r) => ({ at: new Date(r.at), outcome: r.outcome, count: Number(r.count) }));
}

export interface RollupTotals {
  totals: OutcomeTotal[];
  durationSumMs: number;
  histogram: number[];
}

/** Counts per outcome over the range, the summed processing time and the summed latency histogram. */
export async function readRollupTotals(db: Database, range: OperationsRange): Promise<RollupTotals> {
  const params = [range.from.toISOString(), range.until.toISOString()];
  const totals = await db.prisma.$queryRawUnsafe<
    Array<{ outcome: string; count: bigint; duration_sum_ms: number | null }>
  >(
    `SELECT outcome, sum(count)::bigint AS count, sum(duration_sum_ms)::float8 AS duration_sum_ms
       FROM request_rollup WHERE ${between} GROUP BY outcome`,
    ...params,
  );
  const slots = await db.prisma.$queryRawUnsafe<Array<{ slot: bigint; count: bigint }>>(
    `SELECT u.slot, sum(u.n)::bigint AS count
       FROM request_rollup, unnest(latency) WITH ORDINALITY AS u(n, slot)
      WHERE ${between} GROUP BY u.slot`,
    ...params,
  );
  const histogram = new Array<number>(LATENCY_SLOTS).fill(0);
  for (const s of slots) {
    const i = Number(s.slot) - 1;
    if (i >= 0 && i < LATENCY_SLOTS) histogram[i] += Number(s.count);
  }
  return {
    totals: totals.map((t) => ({ outcome: t.outcome, count: Number(t.count) })),
    durationSumMs: totals.reduce((a, t) => a + (t.duration_sum_ms ?? 0), 0),
    histogram,
  };
}
