// The support pages' UTC times, checked against date-fns formatting in UTC (the former implementation)
// over instants across years, months, days and times of day, and against hand-written examples.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { formatLogTime, formatShortTime, formatTime } from "./format-time";

const inUtc = (iso: string, pattern: string) => format(new TZDate(iso, "UTC"), pattern);

describe("UTC times", () => {
  it("reads as a person writes them", () => {
    expect(formatTime("2026-12-01T09:05:07.123Z")).toBe("1 Dec 2026, 09:05:07 UTC");
    expect(formatTime("2027-01-31T23:59:59+02:00")).toBe("31 Jan 2027, 21:59:59 UTC");
    expect(formatShortTime("2026-03-09T00:00:00Z")).toBe("9 Mar, 00:00");
    expect(formatLogTime("2026-07-14T18:30:01Z")).toBe("14 Jul, 18:30:01 UTC");
  });

  it("agrees with date-fns in UTC for instants all over the calendar", () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 97_913_337) {
      const iso = new Date(t).toISOString();
      expect(formatTime(iso)).toBe(`${inUtc(iso, "d MMM yyyy, HH:mm:ss")} UTC`);
      expect(formatShortTime(iso)).toBe(inUtc(iso, "d MMM, HH:mm"));
      expect(formatLogTime(iso)).toBe(`${inUtc(iso, "d MMM, HH:mm:ss")} UTC`);
    }
  });

  it("shows a dash for a missing or unreadable time", () => {
    expect(formatTime(null)).toBe("—");
    expect(formatTime(undefined)).toBe("—");
    expect(formatShortTime("")).toBe("—");
    expect(formatLogTime("not a time")).toBe("—");
  });
});
