// Group commit: requests that arrive while a transaction is running wait for the next one, so under load
// many requests share one commit, and at low load a request is written at once (no added delay).
// One bad request never fails the others: a batch that fails for any reason but an unreachable database
// is written again one request per transaction. The provider hears 2xx only after its commit.
import { isTransientTransactionError } from "../db/transient-error";
import type { Database } from "../db/open";
import { isClosedDatabase, isConnectionError } from "../db/unavailable-error";
import { logger } from "../logger";
import { insertRequests, type SeqRange } from "./batch-sql";
import { addRollupRows, toRollupRows } from "./request-rollup";
import { storeBatch, type StoreOptions } from "./store-batch";
import type { IngestJob, StoredResult } from "./types";

interface Pending {
  job: IngestJob;
  /** Date.now() after which the caller is answered 503 (WEBHOOK_TIMEOUT), whatever the batch does. */
  deadline: number;
  settled: boolean;
  resolve(result: StoredResult): void;
  reject(error: unknown): void;
}

export interface BatchWriterOptions extends StoreOptions {
  maxBatch: number;
  maxRetries: number;
  /** Upper bound for one transaction and for a caller's wait (WEBHOOK_TIMEOUT). */
  transactionTimeoutMs: number;
  /**
   * Transactions running at once. PostgreSQL: 2, so the next batch is written while the previous one
   * commits (unique keys and ordered locks keep them safe, as between two instances). PGlite: 1, it has
   * one connection.
   */
  maxInFlight: number;
  /**
   * Told each committed batch's sequence range, after its commit (the embedded database's live log). On
   * PostgreSQL the commit itself notifies every instance, so this is left unset there.
   */
  onCommitted?: (range: SeqRange) => void;
}

export class StorageUnavailableError extends Error {
  name = "StorageUnavailableError";
}

const DEADLINE_SWEEP_MS = 250;

export class BatchWriter {
  private queue: Pending[] = [];
  private readonly running = new Set<Pending[]>();
  private scheduled = false;
  private deadlineTimer?: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly options: BatchWriterOptions,
  ) {}

  /**
   * Resolves after the request's rows committed; rejects with StorageUnavailableError when they could not
   * be written in time. One shared timer enforces deadlines, not one per request: this is the hot path.
   */
  submit(job: IngestJob): Promise<StoredResult> {
    return new Promise<StoredResult>((resolve, reject) => {
      const pending: Pending = {
        job,
        deadline: Date.now() + this.options.transactionTimeoutMs,
        settled: false,
        resolve: (result) => settle(pending, () => resolve(result)),
        reject: (error) => settle(pending, () => reject(error)),
      };
      this.queue.push(pending);
      this.schedule();
      this.deadlineTimer ??= setInterval(() => this.expire(), DEADLINE_SWEEP_MS).unref();
    });
  }

  /** Requests submitted and not yet answered (queued or in a running transaction). */
  get pending(): number {
    let n = this.queue.length;
    for (const batch of this.running) n += batch.length;
    return n;
  }

  private schedule(): void {
    if (this.scheduled || this.running.size >= this.options.maxInFlight || !this.queue.length) return;
    this.scheduled = true;
    // setImmediate lets requests that arrived in the same turn of the event loop join this batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.running.size < this.options.maxInFlight && this.queue.length) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        this.running.add(batch);
        void this.writeWithRetries(batch).finally(() => {
          this.running.delete(batch);
          this.schedule();
        });
      }
    });
  }

  private expire(): void {
    const now = Date.now();
    const late = (p: Pending) => !p.settled && p.deadline <= now;
    const timedOut = new StorageUnavailableError(
      `not stored within WEBHOOK_TIMEOUT (${this.options.transactionTimeoutMs / 1000} s)`,
    );
    // Queued requests past their deadline never start; running ones are answered 503 but may still
    // commit, which is safe: the provider's retry is then recognised as a duplicate.
    this.queue = this.queue.filter((p) => (late(p) ? (p.reject(timedOut), false) : true));
    for (const batch of this.running) batch.filter(late).forEach((p) => p.reject(timedOut));
    if (!this.pending && this.deadlineTimer) {
      clearInterval(this.deadlineTimer);
      this.deadlineTimer = undefined;
    }
  }

  private async writeWithRetries(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const results = await this.transaction(batch.map((p) => p.job));
        batch.forEach((p, i) => p.resolve(results[i]));
        return;
      } catch (error) {
        if (isConnectionError(error) || isClosedDatabase(error) || isTransientTransactionError(error)) {
          if (attempt < this.options.maxRetries && !isClosedDatabase(error)) {
            await sleep(50 * 2 ** attempt);
            continue;
          }
          logger.error(
            { err: describe(error), requests: batch.length },
            "database unavailable: batch not stored",
          );
          batch.forEach((p) => p.reject(new StorageUnavailableError(describe(error))));
          return;
        }
        if (batch.length > 1) {
          // Isolate the request that broke the batch; the others commit on their own.
          for (const one of batch) await this.writeWithRetries([one]);
          return;
        }
        await this.recordFailure(batch[0], error);
        return;
      }
    }
  }

  private transaction(jobs: IngestJob[]): Promise<StoredResult[]> {
    const prepared = jobs.map(cloneJob);
    return this.db.prisma
      .$transaction((tx) => storeBatch(tx, prepared, this.options), {
        maxWait: this.options.transactionTimeoutMs,
        timeout: this.options.transactionTimeoutMs,
      })
      .then(({ results, range }) => {
        // Only a committed batch's decisions become the callers' records.
        prepared.forEach((p, i) => Object.assign(jobs[i].record, p.record));
        if (range) this.announce(range);
        return results;
      });
  }

  /** A listener's failure never touches the requests: they are committed and answered regardless. */
  private announce(range: SeqRange): void {
    try {
      this.options.onCommitted?.(range);
    } catch (error) {
      logger.warn({ err: describe(error) }, "live log not told of a committed batch");
    }
  }

  /** A request that fails alone is a bug: keep its row (outside the rolled-back work) and answer 500. */
  private async recordFailure(pending: Pending, error: unknown): Promise<void> {
    const record = {
      ...pending.job.record,
      outcome: "error" as const,
      httpStatus: 500,
      reason: `could not be stored: ${describe(error)}`,
    };
    logger.error(
      { requestId: record.id, provider: record.provider, err: describe(error) },
      "webhook processing failed",
    );
    try {
      // Its row and its count in the rollup, together (the operations page counts these as database errors).
      const range = await this.db.prisma.$transaction(async (tx) => {
        const inserted = await insertRequests(tx, [record]);
        await addRollupRows(tx, toRollupRows([record]));
        return inserted;
      });
      if (range) this.announce(range);
    } catch (recordError) {
      if (isConnectionError(recordError) || isClosedDatabase(recordError)) {
        // The database went away meanwhile: not stored, and the provider's retry can still succeed.
        pending.reject(new StorageUnavailableError(describe(recordError)));
        return;
      }
      logger.error(
        { requestId: record.id, err: describe(recordError) },
        "could not record the failed request either",
      );
    }
    pending.resolve({
      requestId: record.id,
      outcome: "error",
      httpStatus: 500,
      duplicateOf: null,
      messageId: null,
    });
  }
}

function settle(pending: Pending, answer: () => void): void {
  if (pending.settled) return;
  pending.settled = true;
  answer();
}

function cloneJob(job: IngestJob): IngestJob {
  return { record: { ...job.record }, event: job.event };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.name;
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
