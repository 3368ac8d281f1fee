// After the servers have stopped (every acknowledged write drained), read the database the run wrote:
//   - every requestId answered 2xx has its webhook_request row (nothing acknowledged was lost);
//   - per measured window: outcomes, and how well group commit batched (rows per transaction, from xmin);
//   - the handler's own time before the write (webhook_request.duration_ms: body, signature, parsing).
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { withClient } from "./postgres";

export type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface Window {
  id: string;
  from: Date;
  until: Date;
}

export interface WindowFacts {
  id: string;
  rows: number;
  outcomes: Record<string, number>;
  transactions: number;
  rowsPerTransaction: { mean: number; p50: number; max: number };
  /** Handler time before the write (body, signature, parse), ms: mean and p99. */
  preWriteMs: { mean: number; p99: number };
}

export interface StoreCheck {
  acked: number;
  stored: number;
  /** Acknowledged (2xx with a requestId) but no row: must be 0. */
  missing: number;
  windows: WindowFacts[];
}

/** Opens the database a finished run wrote (PGlite: its data directory, once the server has closed it). */
export async function withDatabase<T>(
  target: { databaseUrl?: string; dataDir: string },
  work: (q: Query) => Promise<T>,
): Promise<T> {
  if (target.databaseUrl) {
    return withClient(target.databaseUrl, (client) =>
      work(async (sql, params) => (await client.query(sql, params)).rows),
    );
  }
  const db = await PGlite.create({ dataDir: path.join(target.dataDir, "pglite") });
  try {
    return await work(async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows);
  } finally {
    await db.close();
  }
}

const num = (v: unknown) => Number(v ?? 0);

async function windowFacts(q: Query, w: Window): Promise<WindowFacts> {
  const range = [w.from.toISOString(), w.until.toISOString()];
  const outcomes: Record<string, number> = {};
  for (const r of await q(
    `SELECT outcome || ' ' || http_status AS k, count(*) AS n FROM webhook_request
      WHERE received_at >= $1::timestamptz AND received_at < $2::timestamptz GROUP BY 1 ORDER BY 1`,
    range,
  )) {
    outcomes[String(r.k)] = num(r.n);
  }
  const [tx] = await q(
    `WITH t AS (SELECT xmin::text AS x, count(*) AS n FROM webhook_request
                 WHERE received_at >= $1::timestamptz AND received_at < $2::timestamptz GROUP BY 1)
     SELECT count(*) AS transactions, coalesce(avg(n), 0) AS mean,
            coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY n), 0) AS p50, coalesce(max(n), 0) AS max FROM t`,
    range,
  );
  const [pre] = await q(
    `SELECT count(*) AS rows, coalesce(avg(duration_ms), 0) AS mean,
            coalesce(percentile_disc(0.99) WITHIN GROUP (ORDER BY duration_ms), 0) AS p99
       FROM webhook_request WHERE received_at >= $1::timestamptz AND received_at < $2::timestamptz`,
    range,
  );
  return {
    id: w.id,
    rows: num(pre.rows),
    outcomes,
    transactions: num(tx.transactions),
    rowsPerTransaction: { mean: num(tx.mean), p50: num(tx.p50), max: num(tx.max) },
    preWriteMs: { mean: num(pre.mean), p99: num(pre.p99) },
  };
}

export async function checkStore(q: Query, ackedIds: string[], windows: Window[]): Promise<StoreCheck> {
  let stored = 0;
  for (let i = 0; i < ackedIds.length; i += 5_000) {
    const chunk = ackedIds.slice(i, i + 5_000);
    const [row] = await q(
      `SELECT count(*) AS n FROM webhook_request WHERE id = ANY(string_to_array($1, ',')::uuid[]) AND http_status BETWEEN 200 AND 299`,
      [chunk.join(",")],
    );
    stored += num(row.n);
  }
  const facts: WindowFacts[] = [];
  for (const w of windows) facts.push(await windowFacts(q, w));
  return { acked: ackedIds.length, stored, missing: ackedIds.length - stored, windows: facts };
}
