// The live-log bus on every target: webhooks through the real route handlers reach a subscribed hub once
// each, in sequence order, filtered per stream, and a reader resuming after sequence N finds the rest.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as postTwilio } from "@/app/webhooks/twilio/route";
import { LiveBus } from "@/lib/live-log/bus";
import { LiveHub } from "@/lib/live-log/hub";
import { processBus } from "@/lib/live-log/bus";
import { listRowsAfter } from "@/lib/queries/live-log-rows";
import { testTargets } from "../support/databases";
import { twilioRequest } from "../support/webhook-requests";
import { useIngestHarness } from "../ingest/harness";
import { collect, expectIncreasing } from "./collect";

describe.each(testTargets)("live-log bus (%s)", (target) => {
  const h = useIngestHarness(target);
  let hub: LiveHub;

  beforeEach(async () => {
    // The process's bus: on the embedded database the batch writer publishes there after each commit.
    hub = new LiveHub(h.db, 10, target === "pglite" ? processBus() : new LiveBus());
    await hub.ready;
  });
  afterEach(() => hub.close());

  it("gives every committed request to the stream once, in sequence order, with its outcome", async () => {
    const watcher = collect(hub);
    // Sent together, so they share batches.
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, () => postTwilio(twilioRequest())),
      postTwilio(twilioRequest({ signature: "bm90IHRoZSBzaWduYXR1cmU=" })),
    ]);
    const ids = answers.map((r) => r.headers.get("x-request-id"));
    const rows = await watcher.waitFor(13);
    await new Promise((r) => setTimeout(r, 200)); // nothing more arrives later
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expectIncreasing(rows);
    const rejected = rows.find((r) => r.id === ids[12])!;
    expect(rejected).toMatchObject({ provider: "twilio", outcome: "rejected_signature", httpStatus: 401 });
    expect(rows.filter((r) => r.outcome === "unmatched")).toHaveLength(12);
  });

  it("filters per stream: a rejected-only stream sees only the rejection", async () => {
    const all = collect(hub);
    const rejections = collect(hub, { outcome: "rejected_signature" });
    await postTwilio(twilioRequest());
    const bad = await postTwilio(twilioRequest({ signature: "bm90IHRoZSBzaWduYXR1cmU=" }));
    await postTwilio(twilioRequest());
    await all.waitFor(3);
    expect(rejections.rows.map((r) => r.id)).toEqual([bad.headers.get("x-request-id")]);
  });

  it("resumes after a sequence number with exactly the rows that followed it", async () => {
    const watcher = collect(hub);
    for (let i = 0; i < 5; i++) await postTwilio(twilioRequest());
    const seen = await watcher.waitFor(5);
    const resumed = await listRowsAfter(h.db, BigInt(seen[1].seq), {}, 100);
    expect(resumed.map((r) => r.id)).toEqual(seen.slice(2).map((r) => r.id));
  });

  it("does not hand a stream what it already has (its cursor)", async () => {
    await postTwilio(twilioRequest());
    const [first] = await listRowsAfter(h.db, 0n, {}, 10);
    const late = collect(hub, {}, BigInt(first.seq));
    await postTwilio(twilioRequest());
    const rows = await late.waitFor(1);
    expect(rows[0].id).not.toBe(first.id);
  });
});
