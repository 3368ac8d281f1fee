// Two instances on one PostgreSQL: what instance A (and C) commit reaches a stream open on instance B, by
// the one NOTIFY per committed batch and B's own LISTEN connection, in sequence order and with nothing
// missed, while the writers run batches in parallel. PostgreSQL only (TEST_DATABASE_URL).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { openDatabase, type Database } from "@/lib/db/open";
import { BatchWriter } from "@/lib/ingest/batch-writer";
import type { RequestRecord } from "@/lib/ingest/types";
import { LiveBus } from "@/lib/live-log/bus";
import { LiveHub } from "@/lib/live-log/hub";
import { listRowsAfter } from "@/lib/queries/live-log-rows";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { collect, expectIncreasing } from "./collect";

const run = process.env.TEST_DATABASE_URL ? describe : describe.skip;

function rejectedRecord(n: number): RequestRecord {
  return {
    id: randomUUID(),
    receivedAt: new Date(),
    provider: n % 2 ? "twilio" : "resend",
    outcome: "rejected_signature",
    httpStatus: 401,
    reason: "signature rejected: test",
    diagnosis: null,
    durationMs: 1,
    eventType: null,
    externalId: `ext-${n}`,
    deliveryId: null,
    verified: false,
    sourceIp: null,
    method: "POST",
    path: "/webhooks/twilio",
    query: null,
    contentType: null,
    headers: {},
    body: null,
    bodyBytes: 0,
    bodyTruncated: false,
    duplicateOf: null,
    messageId: null,
    summaryCount: null,
  };
}

function writerFor(db: Database): BatchWriter {
  return new BatchWriter(db, {
    maxBatch: 7,
    maxInFlight: 2,
    maxRetries: 3,
    transactionTimeoutMs: 10_000,
    strictUnknownMessages: false,
    mapping: { strategy: "database", timestampWindowSeconds: 300 },
    softBounce: { threshold: 3, windowDays: 7 },
  });
}

run("live log across two instances on one PostgreSQL", () => {
  let base: TestDatabase;
  let instanceB: Database;
  let instanceC: Database;
  let hubB: LiveHub;

  beforeAll(async () => {
    base = await createTestDatabase("postgres");
    instanceB = await openDatabase({ databaseUrl: base.url, dataDir: "", poolSize: 4 });
    instanceC = await openDatabase({ databaseUrl: base.url, dataDir: "", poolSize: 4 });
    // B's own bus: only its LISTEN connection can put anything on it.
    hubB = new LiveHub(instanceB, 10, new LiveBus());
    await hubB.ready;
  });
  afterAll(async () => {
    await hubB?.close();
    await instanceB?.close();
    await instanceC?.close();
    await base?.drop();
  });

  it("streams on B every request A and C commit, once each, in order, in parallel batches", async () => {
    const watcher = collect(hubB);
    const writerA = writerFor(base.db);
    const writerC = writerFor(instanceC);
    const records = Array.from({ length: 120 }, (_, n) => rejectedRecord(n));
    await Promise.all(records.map((r, n) => (n % 3 ? writerA : writerC).submit({ record: r, event: null })));

    const rows = await watcher.waitFor(records.length);
    await new Promise((r) => setTimeout(r, 300));
    expect(rows).toHaveLength(records.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(records.map((r) => r.id)));
    expectIncreasing(rows);
    // Commit order is sequence order: what the stream saw is exactly the table read by sequence.
    const stored = await listRowsAfter(instanceB, 0n, {}, 1_000);
    expect(rows.map((r) => r.seq)).toEqual(stored.map((r) => r.seq));
  });

  it("a stream on B filtered by provider gets only that provider's rows", async () => {
    const twilioOnly = collect(hubB, { provider: "twilio" });
    const all = collect(hubB);
    const writerA = writerFor(base.db);
    await Promise.all([1, 2, 3, 4].map((n) => writerA.submit({ record: rejectedRecord(n), event: null })));
    await all.waitFor(4);
    await new Promise((r) => setTimeout(r, 200));
    expect(twilioOnly.rows.map((r) => r.provider)).toEqual(["twilio", "twilio"]);
  });
});
