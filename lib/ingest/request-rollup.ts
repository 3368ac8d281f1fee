// The per-minute rollup of webhook requests, written in the batch's own transaction right after its
// request rows: one delta row per minute × provider × outcome for the whole batch (aggregated here, in
// memory), so a request adds no statement of its own. Written after insertRequests' advisory lock, the
// upsert's row locks are taken by one transaction at a time and cannot deadlock with another batch.
import { toJsonParam } from "../db/json-param";
import type { TransactionClient } from "../messages/tx";
import { emptyHistogram, latencySlot } from "../operations/latency-histogram";
import type { RequestRecord } from "./types";

export interface RollupRow {
  bucket: string;
  provider: string;
  outcome: string;
  count: number;
  duration_sum_ms: number;
  latency: number[];
}

const MINUTE_MS = 60_000;

/** The batch's delta rows, sorted by key so concurrent writers lock them in one order. */
export function toRollupRows(records: readonly RequestRecord[]): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const r of records) {
    const bucket = new Date(Math.floor(r.receivedAt.getTime() / MINUTE_MS) * MINUTE_MS).toISOString();
    const key = `${bucket}\u0000${r.provider}\u0000${r.outcome}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        bucket,
        provider: r.provider,
        outcome: r.outcome,
        count: 0,
        duration_sum_ms: 0,
        latency: emptyHistogram(),
      };
      rows.set(key, row);
    }
    // A flood summary row stands for many requests whose individual timings were not kept: they are
    // counted, but not timed (the average divides by the histogram's total, not by count).
    if (r.summaryCount != null) {
      row.count += r.summaryCount;
      continue;
    }
    row.count += 1;
    row.duration_sum_ms += r.durationMs;
    row.latency[latencySlot(r.durationMs)] += 1;
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Adds the batch's delta rows to request_rollup (slot by slot for the histogram). */
export async function addRollupRows(tx: TransactionClient, rows: RollupRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO request_rollup (bucket, provider, outcome, count, duration_sum_ms, latency)
     SELECT bucket, provider, outcome, count, duration_sum_ms, latency
       FROM jsonb_to_recordset($1::jsonb) AS r(bucket timestamptz, provider text, outcome text, count int,
            duration_sum_ms double precision, latency int[])
     ON CONFLICT (bucket, provider, outcome) DO UPDATE SET
       count = request_rollup.count + excluded.count,
       duration_sum_ms = request_rollup.duration_sum_ms + excluded.duration_sum_ms,
       latency = ARRAY(
         SELECT coalesce(a, 0) + coalesce(b, 0)
           FROM unnest(request_rollup.latency, excluded.latency) WITH ORDINALITY AS t(a, b, i) ORDER BY i)`,
    toJsonParam(rows),
  );
}
