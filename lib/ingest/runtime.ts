// The per-process ingest machinery (batch writer, rejection throttle), created on first use against the
// process's database and kept on globalThis for the same reason as the database (see lib/db/runtime.ts).
import { randomUUID } from "node:crypto";
import type { Config } from "../config/schema";
import type { Database } from "../db/open";
import { beforeShutdownDrain, registerDrainSource, trackWrite } from "../lifecycle";
import { publishCommitted } from "../live-log/bus";
import { logger } from "../logger";
import { BatchWriter } from "./batch-writer";
import { RejectionThrottle, type FloodSummary } from "./rejection-throttle";
import type { RequestRecord } from "./types";

interface IngestRuntime {
  db: Database;
  writer: BatchWriter;
  throttle: RejectionThrottle;
  sweepTimer: NodeJS.Timeout;
}

const holder = globalThis as typeof globalThis & { __signalboardIngest?: IngestRuntime };

const MAX_BATCH = 500;

export function getIngestRuntime(db: Database, config: Config): IngestRuntime {
  const current = holder.__signalboardIngest;
  if (current && current.db === db) return current;
  if (current) clearInterval(current.sweepTimer);
  const writer = new BatchWriter(db, {
    maxBatch: MAX_BATCH,
    maxInFlight: db.kind === "postgres" ? 2 : 1,
    maxRetries: config.WEBHOOK_MAX_RETRIES,
    transactionTimeoutMs: config.WEBHOOK_TIMEOUT * 1000,
    strictUnknownMessages: config.UNKNOWN_MESSAGE_STATUS === 404,
    mapping: {
      strategy: config.MESSAGE_ID_MAPPING_STRATEGY,
      timestampWindowSeconds: config.TIMESTAMP_MATCHING_WINDOW,
    },
    softBounce: { threshold: config.SOFT_BOUNCE_THRESHOLD, windowDays: config.SOFT_BOUNCE_WINDOW_DAYS },
    // PostgreSQL tells every instance at commit (NOTIFY); the embedded database has only this process.
    onCommitted: db.kind === "pglite" ? publishCommitted : undefined,
  });
  const budgetBytes = config.WEBHOOK_REJECTED_STORAGE_MB * 1024 * 1024;
  const throttle = new RejectionThrottle(config.WEBHOOK_RATE_LIMIT, budgetBytes, (summary) => {
    trackWrite(writer.submit({ record: summaryRecord(summary), event: null })).catch((error) => {
      logger.warn(
        { err: String(error), source: summary.source, count: summary.count },
        "flood summary not stored",
      );
    });
  });
  const sweepTimer = setInterval(() => throttle.sweep(), 10_000);
  sweepTimer.unref();
  beforeShutdownDrain("flood-summaries", () => throttle.sweep(true));
  // Shutdown waits until every request handed to the writer is answered (committed or refused).
  registerDrainSource("ingest-writer", () => writer.pending);
  holder.__signalboardIngest = { db, writer, throttle, sweepTimer };
  return holder.__signalboardIngest;
}

function summaryRecord(summary: FloodSummary): RequestRecord {
  const until = new Date(summary.windowStart.getTime() + 60_000);
  return {
    id: randomUUID(),
    receivedAt: until,
    provider: summary.provider as RequestRecord["provider"],
    outcome: "rate_limited",
    httpStatus: 429,
    reason: `${summary.count} more rejected requests from ${summary.source} between ${summary.windowStart.toISOString()} and ${until.toISOString()} were not stored one by one (flood)`,
    diagnosis: {
      source: summary.source,
      windowStart: summary.windowStart.toISOString(),
      count: summary.count,
    },
    durationMs: 0,
    eventType: null,
    externalId: null,
    deliveryId: null,
    verified: false,
    sourceIp: summary.source,
    method: "POST",
    path: "",
    query: null,
    contentType: null,
    headers: {},
    body: null,
    bodyBytes: 0,
    bodyTruncated: false,
    duplicateOf: null,
    messageId: null,
    summaryCount: summary.count,
  };
}

/** Writes the flood summaries still counted in memory now (shutdown does this too). */
export function sweepIngestRuntime(): void {
  holder.__signalboardIngest?.throttle.sweep(true);
}
