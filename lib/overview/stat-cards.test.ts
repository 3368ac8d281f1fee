import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { summarize } from "../queries/get-metrics-summary";
import { METRIC_DEFINITIONS } from "./definitions";
import { buildStatCards } from "./stat-cards";

describe("stat cards", () => {
  it("SMS cards: counts and the delivery rate with their change against the previous period", () => {
    const now = summarize("sms", { total: 100, delivered: 60, read: 5, undelivered: 10, failed: 25 });
    const before = summarize("sms", { total: 50, delivered: 40, undelivered: 5, failed: 5 });
    const cards = Object.fromEntries(buildStatCards("sms", now, before).map((c) => [c.id, c]));
    expect(cards["sms-sent"]).toMatchObject({
      value: 100,
      previous: 50,
      change: { kind: "percent", value: 100 },
    });
    expect(cards["sms-delivered"]).toMatchObject({ value: 65, previous: 40 });
    expect(cards["sms-failed"]).toMatchObject({ value: 25, higherIsBetter: false });
    // 65 ÷ 100 = 0.65 now, 40 ÷ 50 = 0.8 before: −15 points.
    expect(cards["sms-delivery-rate"]).toMatchObject({
      kind: "rate",
      value: 0.65,
      previous: 0.8,
      change: { kind: "points", value: -15 },
      definition: METRIC_DEFINITIONS.smsDeliveryRate,
    });
  });

  it("email cards: every rate of the summary, no change without a previous rate", () => {
    const now = summarize("email", {
      total: 10,
      delivered: 8,
      bounced: 2,
      opened: 4,
      clicked: 2,
      complained: 0,
    });
    const cards = buildStatCards("email", now, summarize("email", { total: 0 }));
    expect(cards.map((c) => c.id)).toEqual([
      "email-sent",
      "email-delivered",
      "email-delivery-rate",
      "email-open-rate",
      "email-click-rate",
      "email-bounce-rate",
      "email-complaint-rate",
    ]);
    expect(cards.find((c) => c.id === "email-open-rate")).toMatchObject({ value: 0.5, change: null });
    expect(cards.find((c) => c.id === "email-bounce-rate")).toMatchObject({
      value: 0.2,
      higherIsBetter: false,
    });
  });

  it("the tooltips say what docs/metrics.md says", () => {
    const doc = readFileSync(new URL("../../docs/metrics.md", import.meta.url), "utf8");
    for (const definition of Object.values(METRIC_DEFINITIONS)) expect(doc).toContain(definition);
  });
});
