import { describe, expect, it } from "vitest";
import { formatPointTitle, formatRange, formatTick, toDayParam } from "./labels";

describe("overview labels in the dashboard's time zone", () => {
  it("ticks and titles show the zone's local time", () => {
    expect(formatTick("2026-11-29T13:00:00.000Z", "hour", "Europe/Berlin")).toBe("14:00");
    expect(formatTick("2026-11-28T23:00:00.000Z", "day", "Europe/Berlin")).toBe("Nov 29");
    expect(formatTick("2026-11-28T23:00:00.000Z", "day", "UTC")).toBe("Nov 28");
    expect(formatPointTitle("2026-11-28T23:00:00.000Z", "day", "Europe/Berlin")).toBe("Sun Nov 29, 2026");
  });

  it("ranges: whole days by their last included day, partial days with hours", () => {
    expect(
      formatRange({
        from: "2026-11-22T23:00:00.000Z",
        until: "2026-11-29T23:00:00.000Z",
        timeZone: "Europe/Berlin",
      }),
    ).toBe("Nov 23 – Nov 29, 2026");
    expect(
      formatRange({ from: "2026-11-28T17:00:00.000Z", until: "2026-11-29T17:00:00.000Z", timeZone: "UTC" }),
    ).toBe("Nov 28, 17:00 – Nov 29, 17:00");
    expect(
      formatRange({ from: "2025-12-30T00:00:00.000Z", until: "2026-01-02T00:00:00.000Z", timeZone: "UTC" }),
    ).toBe("Dec 30, 2025 – Jan 1, 2026");
    expect(
      formatRange({ from: "2026-11-25T00:00:00.000Z", until: "2026-12-01T18:00:00.000Z", timeZone: "UTC" }),
    ).toBe("Nov 25 – Dec 1, 18:00");
    expect(toDayParam(new Date("2026-11-28T23:30:00Z"), "Europe/Berlin")).toBe("2026-11-29");
  });
});
