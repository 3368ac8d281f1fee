// Group commit: requests that arrive while a transaction is running wait for the next one, so under load
// many requests share one commit, and at low load a request is written at once (no added delay).
// One bad request never fails the others: a batch that fails for any reason but an unreachable database
// is written again one request per transaction. The provider hears 2xx only after its commit.
import type { Database } from "../db/open";
import { isConnectionError } from "../db/sql-driver";
import { logger } from "../logger";
import { insertRequests } from "./batch-sql";
import { storeBatch, type StoreOptions } from "./store-batch";
import type { IngestJob, StoredResult } from "./types";

interface Pending {
  job: IngestJob;
  resolve(result: StoredResult): void;
  reject(error: unknown): void;
}

export interface BatchWriterOptions extends StoreOptions {
  maxBatch: number;
  maxRetries: number;
  /** Upper bound for one transaction (WEBHOOK_TIMEOUT). */
  transactionTimeoutMs: number;
}

export class StorageUnavailableError extends Error {
  name = "StorageUnavailableError";
}

export class BatchWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Database, private readonly options: BatchWriterOptions) {}

  submit(job: IngestJob): Promise<StoredResult> {
    return new Promise<StoredResult>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // setImmediate lets requests that arrived in the same tick of the event loop join this batch.
        setImmediate(() => void this.flushLoop());
      }
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        await this.writeWithRetries(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async writeWithRetries(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const results = await this.transaction(batch.map((p) => p.job));
        batch.forEach((p, i) => p.resolve(results[i]));
        return;
      } catch (error) {
        if (isConnectionError(error) || isClosedDatabase(error) || isTransient(error)) {
          if (attempt < this.options.maxRetries && !isClosedDatabase(error)) {
            await sleep(50 * 2 ** attempt);
            continue;
          }
          logger.error({ err: describe(error), requests: batch.length }, "database unavailable: batch not stored");
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
    return this.db.prisma.$transaction((tx) => storeBatch(tx, prepared, this.options), {
      maxWait: this.options.transactionTimeoutMs,
      timeout: this.options.transactionTimeoutMs,
    }).then((results) => {
      // Only a committed batch's decisions become the callers' records.
      prepared.forEach((p, i) => Object.assign(jobs[i].record, p.record));
      return results;
    });
  }

  /** A request that fails alone is a bug: keep its row (outside the rolled-back work) and answer 500. */
  private async recordFailure(pending: Pending, error: unknown): Promise<void> {
    const record = { ...pending.job.record, outcome: "error" as const, httpStatus: 500, reason: `could not be stored: ${describe(error)}` };
    logger.error({ requestId: record.id, provider: record.provider, err: describe(error) }, "webhook processing failed");
    try {
      await insertRequests(this.db.prisma, [record]);
    } catch (recordError) {
      logger.error({ requestId: record.id, err: describe(recordError) }, "could not record the failed request either");
    }
    pending.resolve({ requestId: record.id, outcome: "error", httpStatus: 500, duplicateOf: null, messageId: null });
  }
}

function cloneJob(job: IngestJob): IngestJob {
  return { record: { ...job.record }, event: job.event };
}

// A database closed under the writer (its pool ended, PGlite closed) is unavailable, not a bad request:
// 503 so the provider retries, never 500. Retrying against the same closed object cannot help.
function isClosedDatabase(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (/PGlite is closed|Cannot use a pool after calling end on the pool/.test(message)) return true;
  }
  return false;
}

// Serialization failures and deadlocks are worth another try; so is a lost PGlite transaction slot.
function isTransient(error: unknown): boolean {
  const text = describe(error);
  return /40001|40P01|deadlock detected|could not serialize|Transaction API error|Unable to start a transaction/i.test(text);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.name;
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
