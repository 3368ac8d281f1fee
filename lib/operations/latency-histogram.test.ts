import { describe, expect, it } from "vitest";
import { emptyHistogram, LATENCY_BOUNDS_MS, latencySlot, quantileFromHistogram } from "./latency-histogram";
import { summarizeRequests } from "./summary";

describe("latency histogram", () => {
  it("puts a duration in the first slot whose bound it does not exceed", () => {
    expect(latencySlot(0)).toBe(0);
    expect(latencySlot(1)).toBe(0);
    expect(latencySlot(1.01)).toBe(1);
    expect(latencySlot(25)).toBe(LATENCY_BOUNDS_MS.indexOf(25));
    expect(latencySlot(10_001)).toBe(LATENCY_BOUNDS_MS.length);
  });

  it("reads the p95 as the slot holding the 95th of 100", () => {
    const h = emptyHistogram();
    h[latencySlot(4)] = 94; // ≤ 5 ms
    h[latencySlot(40)] = 1; // the 95th: ≤ 50 ms
    h[latencySlot(400)] = 5;
    expect(quantileFromHistogram(h, 0.95)).toEqual({ atMostMs: 50, aboveMs: 25 });
    h[latencySlot(4)] = 95; // now the 95th of 100 is ≤ 5 ms
    h[latencySlot(40)] = 0;
    expect(quantileFromHistogram(h, 0.95)).toEqual({ atMostMs: 5, aboveMs: 2 });
    expect(quantileFromHistogram(emptyHistogram(), 0.95)).toBeNull();
  });

  it("says the open-ended slot as above the last bound", () => {
    const h = emptyHistogram();
    h[latencySlot(60_000)] = 1;
    expect(quantileFromHistogram(h, 0.95)).toEqual({ atMostMs: null, aboveMs: 10_000 });
  });

  it("averages over the timed requests only (a flood summary's requests are counted, not timed)", () => {
    const h = emptyHistogram();
    h[latencySlot(10)] = 2;
    const s = summarizeRequests(
      [
        { outcome: "accepted", count: 2 },
        { outcome: "rate_limited", count: 40 },
      ],
      { durationSumMs: 30, histogram: h },
      60,
    );
    expect(s).toMatchObject({ total: 42, accepted: 2, rejected: 40, perMinute: 0.7, averageMs: 15 });
  });
});
