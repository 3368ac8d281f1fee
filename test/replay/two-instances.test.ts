// Two instances on one PostgreSQL: a bulk re-verification started on instance A holds the single flight,
// so a start on instance B (its own connection pool) is refused until A's run ends. PostgreSQL only
// (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { openDatabase, type Database } from "@/lib/db/open";
import { getConfig } from "@/lib/env";
import { startReverifyRun } from "@/lib/replay/reverify-run";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { applyEnv, WEBHOOK_BASE_ENV } from "../support/env";

const run = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const ADMIN = { label: "admin@example.test" };
const REJECTED = 120;

run("replay runs across two instances (postgres)", () => {
  let a: TestDatabase;
  let b: Database;

  beforeAll(async () => {
    applyEnv(WEBHOOK_BASE_ENV);
    a = await createTestDatabase("postgres");
    b = await openDatabase({ databaseUrl: a.url!, dataDir: "", poolSize: 4 });
    // Rejections that still fail (no secret matches an empty signature): the run takes a while to check them.
    await a.db.prisma.$executeRawUnsafe(
      `INSERT INTO webhook_request (id, received_at, provider, outcome, http_status, duration_ms, path, body, signature_headers)
       SELECT gen_random_uuid(), now(), 'twilio', 'rejected_signature', 401, 1, '/webhooks/twilio',
              'MessageSid=SM' || g || '&MessageStatus=delivered', jsonb_build_object('x-twilio-signature', 'AAAA' || g)
         FROM generate_series(1, ${REJECTED}) AS g`,
    );
  });

  afterAll(async () => {
    await b?.close();
    await a?.drop();
  });

  it("a run started on A refuses a start on B until it ended; then B may start one", async () => {
    const selection = {
      provider: null,
      from: new Date(Date.now() - 3_600_000),
      to: new Date(Date.now() + 60_000),
    };
    const onA = await startReverifyRun(a.db, getConfig(), ADMIN, selection);
    expect(onA.started).toBe(true);
    const onB = await startReverifyRun(b, getConfig(), ADMIN, selection);
    expect(onB).toEqual({ started: false, runId: onA.runId });
    await (onA as { done: Promise<void> }).done;
    const finished = await b.prisma.replayRun.findUniqueOrThrow({ where: { id: onA.runId! } });
    expect(finished).toMatchObject({
      status: "finished",
      selected: REJECTED,
      stillFailing: REJECTED,
      activeSlot: null,
    });

    const again = await startReverifyRun(b, getConfig(), ADMIN, selection);
    expect(again.started).toBe(true);
    await (again as { done: Promise<void> }).done;
  });
});
