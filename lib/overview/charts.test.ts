import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "./buckets";
import { hasAnyCount, shapeEmailChart, shapeSmsChart } from "./charts";

const points: SeriesPoint[] = [
  {
    start: "2026-11-01T00:00:00.000Z",
    counts: { delivered: 5, read: 2, undelivered: 1, failed: 3, sent: 9 },
  },
  { start: "2026-11-02T00:00:00.000Z", counts: {} },
];

describe("chart shaping", () => {
  it("SMS: read receipts count as delivered; undelivered and failed apart; missing metrics are 0", () => {
    expect(shapeSmsChart(points)).toEqual([
      { start: "2026-11-01T00:00:00.000Z", delivered: 7, undelivered: 1, failed: 3 },
      { start: "2026-11-02T00:00:00.000Z", delivered: 0, undelivered: 0, failed: 0 },
    ]);
  });

  it("email: delivered, opened, clicked, bounced per point, nothing else", () => {
    const email = shapeEmailChart([
      { start: "a", counts: { delivered: 10, opened: 4, clicked: 1, bounced: 2, complained: 1, total: 14 } },
    ]);
    expect(email).toEqual([{ start: "a", delivered: 10, opened: 4, clicked: 1, bounced: 2 }]);
  });

  it("an all-zero chart has nothing to draw", () => {
    expect(hasAnyCount(shapeSmsChart(points))).toBe(true);
    expect(hasAnyCount(shapeSmsChart([points[1]]))).toBe(false);
  });
});
