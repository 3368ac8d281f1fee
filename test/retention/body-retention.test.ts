// Retention of raw bodies, on every target: requests older than WEBHOOK_BODY_RETENTION_DAYS lose their body
// and signature headers (together, as the CHECK requires) while their rows stay; newer ones keep both; every
// statement is bounded; 0 keeps everything; and a stripped request says why it can no longer be replayed.
// Requests go through the real route handlers, signed with the official twilio library.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as postTwilio } from "@/app/webhooks/twilio/route";
import { envSchema } from "@/lib/config/schema";
import { getConfig } from "@/lib/env";
import { getRequest } from "@/lib/queries/get-request";
import { replayStoredRequest } from "@/lib/replay/replay-request";
import { loadStoredRequest } from "@/lib/replay/stored-request";
import { removeExpiredBodies } from "@/lib/retention/body-retention";
import { testTargets } from "../support/databases";
import { twilioMessageSid, twilioRequest, twilioStatusParams } from "../support/webhook-requests";
import { useIngestHarness } from "../ingest/harness";

const DAY_MS = 24 * 3_600_000;
const sweep = { retentionDays: 30, batchSize: 1_000, maxBatches: 50 };

describe("WEBHOOK_BODY_RETENTION_DAYS", () => {
  const parse = (value?: string) => envSchema.safeParse({ WEBHOOK_BODY_RETENTION_DAYS: value });
  it("defaults to 30 days, accepts 0 (forever) and refuses what is not a whole number of days", () => {
    expect(parse().data?.WEBHOOK_BODY_RETENTION_DAYS).toBe(30);
    expect(parse("0").data?.WEBHOOK_BODY_RETENTION_DAYS).toBe(0);
    expect(parse("7").data?.WEBHOOK_BODY_RETENTION_DAYS).toBe(7);
    expect(parse("-1").success).toBe(false);
    expect(parse("1.5").success).toBe(false);
  });
});

describe.each(testTargets)("body retention (%s)", (target) => {
  const h = useIngestHarness(target);
  const row = (id: string) => h.db.prisma.webhookRequest.findUniqueOrThrow({ where: { id } });

  async function post(request: Request): Promise<string> {
    const response = await postTwilio(request);
    const id = response.headers.get("x-request-id");
    expect(id).toBeTruthy();
    return id!;
  }
  /** A request Twilio signed with a token the server does not have: stored with its signature headers. */
  const postRejected = () =>
    post(twilioRequest({ params: twilioStatusParams(), authToken: "another_twilio_token_0123456789abcd" }));
  const postAccepted = () =>
    post(twilioRequest({ params: twilioStatusParams({ MessageSid: twilioMessageSid() }) }));
  /** As if the request had been received `days` ago. */
  const age = (id: string, days: number) =>
    h.db.prisma.webhookRequest.update({
      where: { id },
      data: { receivedAt: new Date(Date.now() - days * DAY_MS) },
    });

  /** `count` stored requests with a body and signature headers, received `days` ago. */
  async function insertOld(count: number, days: number): Promise<void> {
    await h.db.prisma.$executeRawUnsafe(
      `INSERT INTO webhook_request (id, received_at, provider, outcome, http_status, duration_ms, path, body,
         signature_headers)
       SELECT gen_random_uuid(), now() - make_interval(days => ${days}) - make_interval(secs => g),
              'twilio', 'rejected_signature', 403, 1, '/webhooks/twilio', 'Body=' || g, '{"x-twilio-signature":"s"}'
         FROM generate_series(1, ${count}) AS g`,
    );
  }
  const withBody = () => h.db.prisma.webhookRequest.count({ where: { body: { not: null } } });

  it("removes the body and signature headers of old requests, keeps their rows, and leaves new ones whole", async () => {
    const oldRejected = await postRejected();
    const oldAccepted = await postAccepted();
    const newRejected = await postRejected();
    await age(oldRejected, 31);
    await age(oldAccepted, 31);
    await age(newRejected, 29);
    const before = await row(oldRejected);
    expect(before.body).not.toBeNull();
    expect(before.signatureHeaders).not.toBeNull();

    const result = await removeExpiredBodies(h.db.sql, sweep);

    expect(result).toEqual({ removed: 2, statements: 1, moreLeft: false });
    const after = await row(oldRejected);
    expect(after).toMatchObject({ body: null, signatureHeaders: null, outcome: "rejected_signature" });
    expect(after.bodyRemovedAt).toBeInstanceOf(Date);
    // The row is the same request: its facts, size and time are kept for the log and the counters.
    expect({
      ...after,
      body: before.body,
      signatureHeaders: before.signatureHeaders,
      bodyRemovedAt: null,
    }).toEqual(before);
    expect(await row(oldAccepted)).toMatchObject({ body: null, outcome: "unmatched", verified: true });
    const kept = await row(newRejected);
    expect(kept.body).not.toBeNull();
    expect(kept.signatureHeaders).not.toBeNull();
    expect(kept.bodyRemovedAt).toBeNull();
    expect(await h.db.prisma.webhookRequest.count()).toBe(3);

    // A second sweep finds nothing more to do, and changes nothing.
    expect(await removeExpiredBodies(h.db.sql, sweep)).toEqual({
      removed: 0,
      statements: 1,
      moreLeft: false,
    });
    expect((await row(oldRejected)).bodyRemovedAt).toEqual(after.bodyRemovedAt);
  });

  it("says in the inspector and as the replay reason that retention removed the body", async () => {
    const id = await postRejected();
    await age(id, 31);
    await removeExpiredBodies(h.db.sql, sweep);

    const detail = await getRequest(h.db, id);
    expect(detail).toMatchObject({ body: null, storedSignature: null });
    expect(detail?.bodyRemovedAt).not.toBeNull();
    const stored = await loadStoredRequest(h.db, id);
    expect(await replayStoredRequest(h.db, getConfig(), stored!, { label: "admin@example.test" })).toEqual({
      status: "ineligible",
      reason: "raw body removed after 31 days by retention",
    });
  });

  it("works in statements of at most batchSize rows, and a sweep stops after maxBatches", async () => {
    await insertOld(2_500, 40);

    const first = await removeExpiredBodies(h.db.sql, { ...sweep, maxBatches: 2 });
    expect(first).toEqual({ removed: 2_000, statements: 2, moreLeft: true });
    expect(await withBody()).toBe(500);
    // The oldest go first.
    const oldestKept = await h.db.prisma.webhookRequest.findFirstOrThrow({
      where: { body: null },
      orderBy: { receivedAt: "desc" },
    });
    const newestStripped = await h.db.prisma.webhookRequest.findFirstOrThrow({
      where: { body: { not: null } },
      orderBy: { receivedAt: "asc" },
    });
    expect(oldestKept.receivedAt.getTime()).toBeLessThan(newestStripped.receivedAt.getTime());

    expect(await removeExpiredBodies(h.db.sql, { ...sweep, maxBatches: 2 })).toEqual({
      removed: 500,
      statements: 1,
      moreLeft: false,
    });
    expect(await withBody()).toBe(0);
  });

  it("two sweepers at once (two instances) share the work and remove each body once", async () => {
    await insertOld(3_000, 40);
    const [a, b] = await Promise.all([
      removeExpiredBodies(h.db.sql, { ...sweep, batchSize: 200 }),
      removeExpiredBodies(h.db.sql, { ...sweep, batchSize: 200 }),
    ]);
    expect(a.removed + b.removed).toBe(3_000);
    expect(await withBody()).toBe(0);
  });

  it("keeps every body with a retention of 0 days", async () => {
    const id = await postRejected();
    await age(id, 3_650);
    await insertOld(10, 3_650);
    expect(await removeExpiredBodies(h.db.sql, { ...sweep, retentionDays: 0 })).toEqual({
      removed: 0,
      statements: 0,
      moreLeft: false,
    });
    expect(await withBody()).toBe(11);
    expect((await row(id)).signatureHeaders).not.toBeNull();
  });
});
