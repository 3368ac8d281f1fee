import { describe, expect, it } from "vitest";
import { latencySlot } from "../operations/latency-histogram";
import { toRollupRows } from "./request-rollup";
import type { RequestRecord } from "./types";

const record = (
  at: string,
  provider: "twilio" | "resend",
  outcome: RequestRecord["outcome"],
  ms: number,
  summaryCount: number | null = null,
) => ({ receivedAt: new Date(at), provider, outcome, durationMs: ms, summaryCount }) as RequestRecord;

describe("toRollupRows", () => {
  it("gives one row per minute × provider × outcome for the batch, sorted by key", () => {
    const rows = toRollupRows([
      record("2026-03-10T12:00:59.999Z", "twilio", "accepted", 3),
      record("2026-03-10T12:00:00.000Z", "twilio", "accepted", 30),
      record("2026-03-10T12:01:00.000Z", "twilio", "accepted", 3),
      record("2026-03-10T12:00:10.000Z", "resend", "rejected_signature", 1),
      record("2026-03-10T12:00:20.000Z", "resend", "rate_limited", 0, 25),
    ]);
    expect(rows.map((r) => [r.bucket, r.provider, r.outcome, r.count])).toEqual([
      ["2026-03-10T12:00:00.000Z", "resend", "rate_limited", 25],
      ["2026-03-10T12:00:00.000Z", "resend", "rejected_signature", 1],
      ["2026-03-10T12:00:00.000Z", "twilio", "accepted", 2],
      ["2026-03-10T12:01:00.000Z", "twilio", "accepted", 1],
    ]);
    const twilio = rows[2];
    expect(twilio.duration_sum_ms).toBe(33);
    expect(twilio.latency[latencySlot(3)]).toBe(1);
    expect(twilio.latency[latencySlot(30)]).toBe(1);
    // The summary's 25 requests are counted but not timed.
    expect(rows[0].latency.every((n) => n === 0)).toBe(true);
    expect(rows[0].duration_sum_ms).toBe(0);
  });
});
