// Removes the raw bodies (and, with them, the signature headers kept for re-verification) of webhook
// requests older than WEBHOOK_BODY_RETENTION_DAYS. The rows stay: outcome, time, ids, the log and every
// counter built from them. Each statement takes at most `batchSize` rows through the partial index on
// received_at WHERE body IS NOT NULL, so rows already stripped are never walked again, and SKIP LOCKED lets
// several instances on one PostgreSQL sweep at once without waiting on each other or taking a row twice.
import type { SqlDriver } from "../db/sql-driver";

const DAY_MS = 24 * 3_600_000;

export interface BodySweepOptions {
  /** 0 keeps bodies forever: nothing is removed. */
  retentionDays: number;
  /** Rows per statement. */
  batchSize: number;
  /** Statements per sweep at most; the next sweep goes on where this one stopped. */
  maxBatches: number;
  now?: Date;
  /** Checked between statements: a shutdown stops the sweep after the statement running. */
  shouldStop?: () => boolean;
}

export interface BodySweepResult {
  removed: number;
  statements: number;
  /** True when the last statement was full: older bodies may be left for the next sweep. */
  moreLeft: boolean;
}

// body and signature_headers are cleared together: the CHECK webhook_request_signature_headers_with_body
// refuses signature headers without their body.
const REMOVE_BATCH = `
UPDATE webhook_request
   SET body = NULL, signature_headers = NULL, body_removed_at = $3
 WHERE id IN (
   SELECT id FROM webhook_request
    WHERE body IS NOT NULL AND received_at < $1
    ORDER BY received_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
   AND body IS NOT NULL`;

export function retentionCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export async function removeExpiredBodies(
  sql: SqlDriver,
  options: BodySweepOptions,
): Promise<BodySweepResult> {
  const result: BodySweepResult = { removed: 0, statements: 0, moreLeft: false };
  if (options.retentionDays <= 0) return result;
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(options.retentionDays, now);
  while (result.statements < options.maxBatches && !options.shouldStop?.()) {
    const rows = await sql.withSession((session) =>
      session.query<{ n: number }>(
        `WITH removed AS (${REMOVE_BATCH} RETURNING 1) SELECT count(*)::int AS n FROM removed`,
        [cutoff, options.batchSize, now],
      ),
    );
    const removed = rows[0]?.n ?? 0;
    result.statements += 1;
    result.removed += removed;
    result.moreLeft = removed >= options.batchSize;
    if (!result.moreLeft) break;
  }
  return result;
}
