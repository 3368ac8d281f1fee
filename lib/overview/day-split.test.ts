import { describe, expect, it } from "vitest";
import { splitPeriod } from "./day-split";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const split = (from: string, until: string, zone: string) => {
  const s = splitPeriod({ from: at(from), until: at(until) }, zone);
  return {
    days: s.days && {
      fromDay: s.days.fromDay,
      untilDay: s.days.untilDay,
      start: s.days.start.toISOString(),
      end: s.days.end.toISOString(),
    },
    hours: s.hours.map((h) => [h.from.toISOString(), h.until.toISOString()]),
  };
};

/** The day an hour bucket belongs to, by Intl alone (independent of the code under test). */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlDay(t: number, zone: string): string {
  if (!formats.has(zone)) {
    formats.set(
      zone,
      new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }),
    );
  }
  const parts = formats.get(zone)!.formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

describe("splitPeriod", () => {
  it("takes a UTC period on day boundaries as days only", () => {
    expect(split("2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z", "UTC")).toEqual({
      days: {
        fromDay: "2026-11-01",
        untilDay: "2026-11-08",
        start: "2026-11-01T00:00:00.000Z",
        end: "2026-11-08T00:00:00.000Z",
      },
      hours: [],
    });
  });

  it("reads the hours at edges off day boundaries from the hourly counters", () => {
    // America/New_York is UTC-5 in November: days start at 05:00Z.
    expect(split("2026-11-10T09:00:00Z", "2026-11-13T15:00:00Z", "America/New_York")).toEqual({
      days: {
        fromDay: "2026-11-11",
        untilDay: "2026-11-13",
        start: "2026-11-11T05:00:00.000Z",
        end: "2026-11-13T05:00:00.000Z",
      },
      hours: [
        ["2026-11-10T09:00:00.000Z", "2026-11-11T05:00:00.000Z"],
        ["2026-11-13T05:00:00.000Z", "2026-11-13T15:00:00.000Z"],
      ],
    });
  });

  it("counts a day of 25 hours (DST ends) and of 23 hours (DST starts) as one whole day", () => {
    // New York: 2026-11-01 has 25 hours (04:00Z → 05:00Z next day), 2026-03-08 has 23.
    expect(split("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", "America/New_York").days).toEqual({
      fromDay: "2026-11-01",
      untilDay: "2026-11-02",
      start: "2026-11-01T04:00:00.000Z",
      end: "2026-11-02T05:00:00.000Z",
    });
    expect(split("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", "America/New_York").days).toEqual({
      fromDay: "2026-03-08",
      untilDay: "2026-03-09",
      start: "2026-03-08T05:00:00.000Z",
      end: "2026-03-09T04:00:00.000Z",
    });
    // One hour short of the 25-hour day: no whole day, all hours.
    expect(split("2026-11-01T04:00:00Z", "2026-11-02T04:00:00Z", "America/New_York")).toEqual({
      days: null,
      hours: [["2026-11-01T04:00:00.000Z", "2026-11-02T04:00:00.000Z"]],
    });
  });

  it("reads a range shorter than a day from the hours, even across midnight", () => {
    expect(split("2026-11-10T20:00:00Z", "2026-11-11T08:00:00Z", "UTC")).toEqual({
      days: null,
      hours: [["2026-11-10T20:00:00.000Z", "2026-11-11T08:00:00.000Z"]],
    });
  });

  it("starts a day of a half-hour zone at the first whole hour after its midnight", () => {
    // Asia/Kolkata is UTC+5:30: 2026-11-11 starts at 18:30Z on the 10th; the 18:00Z hour belongs to the 10th.
    expect(split("2026-11-10T18:00:00Z", "2026-11-12T15:00:00Z", "Asia/Kolkata")).toEqual({
      days: {
        fromDay: "2026-11-11",
        untilDay: "2026-11-12",
        start: "2026-11-10T19:00:00.000Z",
        end: "2026-11-11T19:00:00.000Z",
      },
      hours: [
        ["2026-11-10T18:00:00.000Z", "2026-11-10T19:00:00.000Z"],
        ["2026-11-11T19:00:00.000Z", "2026-11-12T15:00:00.000Z"],
      ],
    });
  });

  it("covers every hour of random periods exactly once, whole days from the days and the rest as hours", () => {
    const zones = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const base = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 400; i++) {
      const zone = zones[i % zones.length];
      const from = base + Math.floor(random() * 300 * 24) * HOUR;
      const until = from + (1 + Math.floor(random() * 24 * 20)) * HOUR;
      const s = splitPeriod({ from: new Date(from), until: new Date(until) }, zone);
      const inHours = (t: number) => s.hours.some((h) => h.from.getTime() <= t && t < h.until.getTime());
      const byDay = new Map<string, number[]>();
      // Every hour from 2 days before to 2 days after, grouped by its day (Intl, not the code under test).
      for (let t = from - 48 * HOUR; t < until + 48 * HOUR; t += HOUR) {
        const day = intlDay(t, zone);
        if (!byDay.has(day)) byDay.set(day, []);
        byDay.get(day)!.push(t);
      }
      for (let t = from; t < until; t += HOUR) {
        const day = intlDay(t, zone);
        const inDays = s.days !== null && s.days.fromDay <= day && day < s.days.untilDay;
        expect(inDays !== inHours(t), `${zone} ${new Date(t).toISOString()}`).toBe(true);
        // A day is read from the daily counters exactly when all its hours are in the period.
        const whole = byDay.get(day)!.every((h) => from <= h && h < until);
        expect(inDays, `${zone} ${day}`).toBe(whole);
      }
      for (const h of s.hours) {
        expect(h.from.getTime()).toBeLessThan(h.until.getTime());
        expect(h.from.getTime()).toBeGreaterThanOrEqual(from);
        expect(h.until.getTime()).toBeLessThanOrEqual(until);
      }
    }
  });
});
