import { describe, expect, it } from "vitest";
import { bucketCounts, bucketStarts, type HourlyCount } from "./buckets";
import { resolveRange } from "./range";

const hour = (isoHour: string, metric: string, count: number, channel = "sms"): HourlyCount => ({
  bucket: new Date(isoHour),
  channel,
  metric,
  count,
});

describe("day bucketing in a time zone", () => {
  it("splits days at the zone's midnight, 23 hours on the day DST starts and 25 on the day it ends", () => {
    // Europe/Berlin: summer time starts 2026-03-29 (02:00 → 03:00) and ends 2026-10-25 (03:00 → 02:00).
    const spring = bucketStarts({
      from: new Date("2026-03-27T23:00:00Z"),
      until: new Date("2026-03-30T22:00:00Z"),
      granularity: "day",
      timeZone: "Europe/Berlin",
    }).map((d) => d.toISOString());
    expect(spring).toEqual([
      "2026-03-27T23:00:00.000Z",
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
    const autumn = bucketStarts({
      from: new Date("2026-10-24T22:00:00Z"),
      until: new Date("2026-10-26T23:00:00Z"),
      granularity: "day",
      timeZone: "Europe/Berlin",
    }).map((d) => d.toISOString());
    // Oct 25 runs from 00:00 CEST (Oct 24 22:00 UTC) to Oct 26 00:00 CET (Oct 25 23:00 UTC): 25 hours.
    expect(autumn).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
    expect(Date.parse(autumn[1]) - Date.parse(autumn[0])).toBe(25 * 3_600_000);
  });

  it("puts each hour in the zone day it starts in, summing metrics; the same hours land differently in UTC", () => {
    const rows = [
      hour("2026-03-28T22:00:00Z", "delivered", 1), // Mar 28 23:00 CET → Mar 28
      hour("2026-03-28T23:00:00Z", "delivered", 2), // Mar 29 00:00 CET → Mar 29
      hour("2026-03-29T21:00:00Z", "delivered", 4), // Mar 29 23:00 CEST → Mar 29 (a 23-hour day)
      hour("2026-03-29T22:00:00Z", "delivered", 8), // Mar 30 00:00 CEST → Mar 30
      hour("2026-03-29T22:00:00Z", "failed", 1),
      hour("2026-03-29T22:00:00Z", "delivered", 100, "email"), // another channel: not in this series
    ];
    const range = {
      from: new Date("2026-03-27T23:00:00Z"),
      until: new Date("2026-03-30T22:00:00Z"),
      granularity: "day" as const,
    };
    const berlin = bucketCounts(rows, "sms", { ...range, timeZone: "Europe/Berlin" });
    expect(berlin.map((p) => [p.start, p.counts])).toEqual([
      ["2026-03-27T23:00:00.000Z", { delivered: 1 }],
      ["2026-03-28T23:00:00.000Z", { delivered: 6 }],
      ["2026-03-29T22:00:00.000Z", { delivered: 8, failed: 1 }],
    ]);
    const utc = bucketCounts(rows, "sms", { ...range, timeZone: "UTC" });
    expect(utc.map((p) => [p.start.slice(0, 10), p.counts.delivered ?? 0])).toEqual([
      ["2026-03-27", 0],
      ["2026-03-28", 3],
      ["2026-03-29", 12],
      ["2026-03-30", 0],
    ]);
  });

  it("hourly up to 48 h: one point per hour, empty hours as zeros, rows outside the range dropped", () => {
    const range = resolveRange({ range: "24h" }, { now: new Date("2026-11-29T16:20:00Z"), timeZone: "UTC" });
    const points = bucketCounts(
      [hour("2026-11-29T16:00:00Z", "delivered", 3), hour("2026-11-20T00:00:00Z", "delivered", 9)],
      "sms",
      range,
    );
    expect(points).toHaveLength(24);
    expect(points.at(-1)).toEqual({ start: "2026-11-29T16:00:00.000Z", counts: { delivered: 3 } });
    expect(points.reduce((s, p) => s + (p.counts.delivered ?? 0), 0)).toBe(3);
  });

  it("a 7-day preset has exactly seven daily points", () => {
    const range = resolveRange(
      { range: "7d" },
      { now: new Date("2026-11-29T16:20:00Z"), timeZone: "Asia/Tokyo" },
    );
    expect(bucketCounts([], "email", range)).toHaveLength(7);
  });
});
