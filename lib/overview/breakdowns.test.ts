import { describe, expect, it } from "vitest";
import { shapeBounces, shapeFailures, shapeLinks } from "./breakdowns";

const r = (dimension: string, value: string, count: number) => ({ dimension, value, count });

describe("breakdowns", () => {
  it("failures by error code, most frequent first, with Twilio's meaning and the share of all failures", () => {
    const rows = [
      r("sms_error", "30003", 2),
      r("sms_error", "30007", 5),
      r("sms_error", "", 1),
      r("link", "x", 9),
    ];
    const failures = shapeFailures(rows, 10);
    expect(failures.map((f) => [f.code, f.count, f.share])).toEqual([
      ["30007", 5, 0.5],
      ["30003", 2, 0.2],
      ["", 1, 0.1],
    ]);
    expect(failures[0].title).toMatch(/filter/i);
    expect(failures[1].title).toMatch(/unreachable/i);
    expect(failures[2]).toMatchObject({ title: "No error code given", explanation: null });
    expect(shapeFailures([r("sms_error", "99999", 1)], 1)[0].title).toBe("Twilio error 99999");
  });

  it("bounces split into type and subtype", () => {
    const [first, second] = shapeBounces(
      [r("email_bounce", "Permanent/General", 3), r("email_bounce", "/", 1)],
      4,
    );
    expect(first).toMatchObject({ type: "Permanent", subType: "General", count: 3, share: 0.75 });
    expect(second).toMatchObject({ type: "Undetermined", subType: "Undetermined", count: 1 });
  });

  it("links by clicks, at most `limit`", () => {
    expect(
      shapeLinks([r("link", "https://a", 1), r("link", "https://b", 4), r("link", "https://c", 2)], 2),
    ).toEqual([
      { url: "https://b", clicks: 4 },
      { url: "https://c", clicks: 2 },
    ]);
  });
});
