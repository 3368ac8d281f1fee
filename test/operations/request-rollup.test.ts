// The per-minute request rollup, on every target: signed webhooks of several outcomes through the real
// route handlers (some in parallel, so they share batches), then request_rollup must hold exactly what a
// GROUP BY over the request log gives, its histogram must place the p95 where the stored durations put
// it, and the operations page's figures must add up to the requests sent.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as postResend } from "@/app/webhooks/resend/route";
import { POST as postTwilio } from "@/app/webhooks/twilio/route";
import { quantileFromHistogram } from "@/lib/operations/latency-histogram";
import { getOperations } from "@/lib/queries/operations/get-operations";
import { testTargets } from "../support/databases";
import {
  resendEmailEvent,
  resendRequest,
  twilioRequest,
  twilioStatusParams,
} from "../support/webhook-requests";
import { useIngestHarness } from "../ingest/harness";

type Key = string;
const key = (bucket: Date, provider: string, outcome: string): Key =>
  `${bucket.toISOString()} ${provider} ${outcome}`;

describe.each(testTargets)("request rollup (%s)", (target) => {
  const h = useIngestHarness(target);

  async function send(): Promise<Record<string, number>> {
    const sid = twilioStatusParams().MessageSid as string;
    await h.db.prisma.message.create({
      data: {
        channel: "sms",
        recipient: "+14155550100",
        provider: "twilio",
        externalIds: { create: { provider: "twilio", externalId: sid } },
      },
    });
    const token = randomUUID();
    const outcomes: string[] = [];
    const note = async (response: Response) => {
      const body = (await response.json()) as { outcome?: string; error?: { code: string } };
      outcomes.push(body.outcome ?? body.error!.code);
    };
    // accepted, then the same delivery again (duplicate)
    const delivered = twilioStatusParams({ MessageSid: sid, MessageStatus: "delivered" });
    await note(await postTwilio(twilioRequest({ params: delivered, idempotencyToken: token })));
    await note(await postTwilio(twilioRequest({ params: delivered, idempotencyToken: token })));
    // 12 unmatched Twilio callbacks and 6 unmatched Resend events at once: they share batches.
    await Promise.all([
      ...Array.from({ length: 12 }, () => postTwilio(twilioRequest()).then(note)),
      ...Array.from({ length: 6 }, () =>
        postResend(resendRequest({ payload: resendEmailEvent("email.delivered") })).then(note),
      ),
    ]);
    // Signature failures: a wrong Twilio token, a wrong Resend secret.
    await note(await postTwilio(twilioRequest({ authToken: "not-the-token-0123456789abcdef" })));
    await note(
      await postResend(
        resendRequest({
          payload: resendEmailEvent("email.delivered"),
          secret: "whsec_" + Buffer.from("another-secret-entirely-32bytes!").toString("base64"),
        }),
      ),
    );
    // Signed, but not a payload Resend sends.
    await note(await postResend(resendRequest({ payload: { type: "email.delivered" } })));
    return outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
  }

  it("holds per minute × provider × outcome exactly what the request log holds", async () => {
    const answered = await send();
    expect(answered).toEqual({
      accepted: 1,
      duplicate: 1,
      unmatched: 18,
      invalid_signature: 2,
      invalid_payload: 1,
    });

    const log = await h.db.prisma.$queryRawUnsafe<
      Array<{ bucket: Date; provider: string; outcome: string; n: bigint; sum: number }>
    >(
      `SELECT date_trunc('minute', received_at) AS bucket, provider, outcome, count(*) AS n, sum(duration_ms)::float8 AS sum
         FROM webhook_request GROUP BY 1, 2, 3`,
    );
    const rollup = await h.db.prisma.requestRollup.findMany();
    const expected = new Map(log.map((r) => [key(r.bucket, r.provider, r.outcome), r]));
    expect(new Set(rollup.map((r) => key(r.bucket, r.provider, r.outcome)))).toEqual(
      new Set(expected.keys()),
    );
    for (const row of rollup) {
      const want = expected.get(key(row.bucket, row.provider, row.outcome))!;
      expect(row.count).toBe(Number(want.n));
      expect(row.latency.reduce((a, b) => a + b, 0)).toBe(Number(want.n));
      // duration_ms is a real (float4) column; the rollup sums the same values as doubles.
      expect(row.durationSumMs).toBeCloseTo(want.sum, 1);
    }
    const byOutcome = (outcome: string) =>
      rollup.filter((r) => r.outcome === outcome).reduce((a, r) => a + r.count, 0);
    expect(byOutcome("unmatched")).toBe(18);
    expect(byOutcome("rejected_signature")).toBe(2);
    expect(byOutcome("invalid")).toBe(1);
  });

  it("places the p95 in the slot that holds the 95th percentile of the stored durations", async () => {
    await send();
    const durations = (await h.db.prisma.webhookRequest.findMany({ select: { durationMs: true } }))
      .map((r) => r.durationMs)
      .sort((a, b) => a - b);
    const p95 = durations[Math.ceil(0.95 * durations.length) - 1];
    const { summary } = await getOperations("1h");
    expect(summary.p95).not.toBeNull();
    expect(p95).toBeGreaterThan(summary.p95!.aboveMs);
    if (summary.p95!.atMostMs !== null) expect(p95).toBeLessThanOrEqual(summary.p95!.atMostMs);
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    expect(summary.averageMs).toBeCloseTo(mean, 1);
    // The histogram summed over the range and read back is the same percentile.
    const rows = await h.db.prisma.requestRollup.findMany();
    const histogram = rows.reduce<number[]>(
      (acc, r) => acc.map((n, i) => n + r.latency[i]),
      rows[0].latency.map(() => 0),
    );
    expect(quantileFromHistogram(histogram, 0.95)).toEqual(summary.p95);
  });

  it("gives the operations figures and each provider's last request", async () => {
    const before = new Date(Date.now() - 1000);
    await send();
    const data = await getOperations("1h");
    expect(data.summary).toMatchObject({
      total: 23,
      accepted: 20,
      rejected: 3,
      signatureFailures: 2,
      unmatched: 18,
      databaseErrors: 0,
    });
    expect(data.points.reduce((a, p) => a + p.accepted + p.rejected + p.errors, 0)).toBe(23);
    for (const p of data.providers) {
      expect(p.lastRequestAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(p.quiet).toBe(false);
    }
  });

  it("warns when a provider is quiet while messages of its channel are being sent", async () => {
    // An email sent 20 minutes ago, and no request from Resend since.
    await h.db.prisma.message.create({
      data: { channel: "email", recipient: "a@example.com", sentAt: new Date(Date.now() - 20 * 60_000) },
    });
    const quiet = async () => (await getOperations("24h")).providers.map((p) => [p.provider, p.quiet]);
    expect(await quiet()).toEqual([
      ["twilio", false],
      ["resend", true],
    ]);
    await postResend(resendRequest({ payload: resendEmailEvent("email.delivered") }));
    expect(await quiet()).toEqual([
      ["twilio", false],
      ["resend", false],
    ]);
  });
});
