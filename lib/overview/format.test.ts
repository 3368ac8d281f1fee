import { describe, expect, it } from "vitest";
import { countChange, formatChange, formatCount, formatRate, rateChange } from "./format";

describe("overview number formats", () => {
  it("rates: one decimal and a percent sign; null as a dash", () => {
    expect(formatRate(0.6473)).toBe("64.7\u202f%");
    expect(formatRate(1)).toBe("100.0\u202f%");
    expect(formatRate(0)).toBe("0.0\u202f%");
    expect(formatRate(null)).toBe("—");
  });

  it("rate changes in percentage points, count changes in percent of the previous period", () => {
    expect(rateChange(0.6473, 0.6)).toEqual({ kind: "points", value: 4.7 });
    expect(formatChange(rateChange(0.5, 0.6))).toBe("−10.0 pts");
    expect(rateChange(null, 0.5)).toBeNull();
    expect(countChange(150, 100)).toEqual({ kind: "percent", value: 50 });
    expect(formatChange(countChange(100, 100))).toBe("±0.0\u202f%");
    expect(countChange(5, 0)).toBeNull();
    expect(formatChange(null)).toBe("no previous data");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
