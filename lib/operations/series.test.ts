import { describe, expect, it } from "vitest";
import { resolveOperationsRange } from "./range";
import { shapeRequestSeries } from "./series";

const now = new Date("2026-03-10T12:34:56Z");

describe("shapeRequestSeries", () => {
  it("has one point per minute over the last hour, ending with the current minute, zeros where nothing came", () => {
    const range = resolveOperationsRange("1h", now);
    expect(range.from.toISOString()).toBe("2026-03-10T11:35:00.000Z");
    expect(range.until.toISOString()).toBe("2026-03-10T12:35:00.000Z");
    const points = shapeRequestSeries(range, [], "UTC");
    expect(points).toHaveLength(60);
    expect(points[0]).toEqual({
      at: "2026-03-10T11:35:00.000Z",
      label: "11:35",
      accepted: 0,
      rejected: 0,
      errors: 0,
    });
    expect(points.at(-1)!.at).toBe("2026-03-10T12:34:00.000Z");
  });

  it("adds outcomes into accepted, rejected and errors, and leaves out sums outside the range", () => {
    const range = resolveOperationsRange("24h", now);
    expect(range.stepMinutes).toBe(10);
    const at = new Date("2026-03-10T12:30:00Z");
    const points = shapeRequestSeries(
      range,
      [
        { at, outcome: "accepted", count: 3 },
        { at, outcome: "duplicate", count: 2 },
        { at, outcome: "unmatched", count: 1 },
        { at, outcome: "rejected_signature", count: 4 },
        { at, outcome: "rate_limited", count: 5 },
        { at, outcome: "error", count: 1 },
        { at: new Date("2026-03-09T12:20:00Z"), outcome: "accepted", count: 99 }, // before the range
      ],
      "UTC",
    );
    expect(points).toHaveLength(144);
    expect(points.at(-1)).toMatchObject({ at: at.toISOString(), accepted: 6, rejected: 9, errors: 1 });
    expect(points.reduce((s, p) => s + p.accepted + p.rejected + p.errors, 0)).toBe(16);
  });

  it("labels steps in the dashboard's time zone, with the weekday over 7 days", () => {
    const range = resolveOperationsRange("7d", now);
    expect(range.stepMinutes).toBe(60);
    const points = shapeRequestSeries(range, [], "America/New_York");
    expect(points).toHaveLength(168);
    // 12:00 UTC on Tuesday 10 March 2026 is 08:00 in New York (EDT since 8 March).
    expect(points.at(-1)!.label).toBe("Tue 08:00");
  });
});
