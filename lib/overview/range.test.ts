import { describe, expect, it } from "vitest";
import { InvalidRangeError, resolveRange } from "./range";

const now = new Date("2026-11-29T16:20:00Z");
const iso = (d: Date) => d.toISOString();

describe("resolveRange", () => {
  it("24h: the last 24 whole hours up to the end of the current hour, hourly, previous 24 h before", () => {
    const r = resolveRange({ range: "24h" }, { now, timeZone: "UTC" });
    expect(iso(r.from)).toBe("2026-11-28T17:00:00.000Z");
    expect(iso(r.until)).toBe("2026-11-29T17:00:00.000Z");
    expect(r.granularity).toBe("hour");
    expect(iso(r.previous.from)).toBe("2026-11-27T17:00:00.000Z");
    expect(iso(r.previous.until)).toBe("2026-11-28T17:00:00.000Z");
  });

  it("7d: today and the six days before, whole days in the zone, daily", () => {
    const r = resolveRange({ range: "7d" }, { now, timeZone: "America/New_York" });
    // 16:20 UTC is 11:20 in New York (EST, UTC−5): days start at 05:00 UTC.
    expect(iso(r.from)).toBe("2026-11-23T05:00:00.000Z");
    expect(iso(r.until)).toBe("2026-11-29T17:00:00.000Z");
    expect(r.granularity).toBe("day");
    expect(r.previous.until).toEqual(r.from);
    expect(r.previous.from.getTime()).toBe(r.from.getTime() - (r.until.getTime() - r.from.getTime()));
  });

  it("a day preset across a DST change starts at the zone's midnight, not a fixed 24 h multiple", () => {
    // 2026-03-29: Europe/Berlin moves from UTC+1 to UTC+2.
    const r = resolveRange(
      { range: "7d" },
      { now: new Date("2026-04-01T10:00:00Z"), timeZone: "Europe/Berlin" },
    );
    expect(iso(r.from)).toBe("2026-03-25T23:00:00.000Z"); // Mar 26 00:00 CET
  });

  it("the default preset applies only without range and from; the API default stays the last 30 × 24 h", () => {
    expect(resolveRange({}, { now, timeZone: "UTC", defaultPreset: "7d" }).preset).toBe("7d");
    const api = resolveRange({}, { now, timeZone: "UTC" });
    expect(api.preset).toBeNull();
    expect(api.until.getTime() - api.from.getTime()).toBe(30 * 24 * 3_600_000);
  });

  it("custom: rounds to whole hours; days mean their start in the zone; until is exclusive", () => {
    const r = resolveRange(
      { from: "2026-11-01", until: "2026-11-08" },
      { now, timeZone: "Europe/Berlin", defaultPreset: "7d" },
    );
    expect(r.preset).toBeNull();
    expect(iso(r.from)).toBe("2026-10-31T23:00:00.000Z");
    expect(iso(r.until)).toBe("2026-11-07T23:00:00.000Z");
    const odd = resolveRange(
      { from: "2026-11-01T10:30:00Z", until: "2026-11-01T10:40:00Z" },
      { now, timeZone: "UTC" },
    );
    expect([iso(odd.from), iso(odd.until)]).toEqual(["2026-11-01T10:00:00.000Z", "2026-11-01T11:00:00.000Z"]);
    expect(odd.granularity).toBe("hour");
  });

  it("refuses a preset with from, an empty or reversed range, a too long one, and garbage", () => {
    const o = { now, timeZone: "UTC" };
    expect(() => resolveRange({ range: "7d", from: "2026-11-01" }, o)).toThrow(InvalidRangeError);
    expect(() => resolveRange({ from: "2026-11-02", until: "2026-11-01" }, o)).toThrow(/before until/);
    expect(() => resolveRange({ from: "2020-01-01", until: "2026-11-01" }, o)).toThrow(/at most/);
    expect(() => resolveRange({ from: "yesterday" }, o)).toThrow(InvalidRangeError);
  });
});
