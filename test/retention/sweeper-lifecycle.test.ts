// The sweeper as the server runs it: started with the process's database, it strips expired bodies on its
// own; shutdown stops its timer (no sweep starts after), like the other background work. Its own file:
// shutdown() marks the whole process as stopping.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { getConfig } from "@/lib/env";
import { shutdown } from "@/lib/lifecycle";
import { bodyRetentionState, startBodyRetention } from "@/lib/retention/runtime";
import { useIngestHarness } from "../ingest/harness";

const DAY_MS = 24 * 3_600_000;

describe("body retention sweeper in the server (pglite)", () => {
  const h = useIngestHarness("pglite");

  it("sweeps on its timer and stops at shutdown", async () => {
    const id = randomUUID();
    await h.db.prisma.webhookRequest.create({
      data: {
        id,
        receivedAt: new Date(Date.now() - 45 * DAY_MS),
        provider: "twilio",
        outcome: "rejected_signature",
        httpStatus: 403,
        durationMs: 1,
        path: "/webhooks/twilio",
        body: "MessageSid=SM1",
        signatureHeaders: { "x-twilio-signature": "kept" },
      },
    });
    startBodyRetention(getConfig(), { firstSweepMs: 10, sweepEveryMs: 30 });

    await vi.waitFor(
      async () => {
        const row = await h.db.prisma.webhookRequest.findUniqueOrThrow({ where: { id } });
        expect(row).toMatchObject({ body: null, signatureHeaders: null });
        expect(row.bodyRemovedAt).not.toBeNull();
      },
      { timeout: 5_000, interval: 20 },
    );
    await vi.waitFor(() => expect(bodyRetentionState()!.sweeps).toBeGreaterThanOrEqual(2), {
      timeout: 5_000,
    });

    await shutdown("SIGTERM");
    const afterShutdown = bodyRetentionState()!;
    expect(afterShutdown.stopped).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bodyRetentionState()!.sweeps).toBe(afterShutdown.sweeps);
  });
});
