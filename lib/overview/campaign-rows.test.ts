import { describe, expect, it } from "vitest";
import { shapeCampaignRows } from "./campaign-rows";

const c = (campaign: string, channel: string, metric: string, count: number) => ({
  campaign,
  channel,
  metric,
  count,
});

describe("campaign rows", () => {
  it("one row per campaign with both channels' rates, busiest first, empty campaigns left out", () => {
    const rows = shapeCampaignRows([
      c("spring", "sms", "total", 4),
      c("spring", "sms", "delivered", 3),
      c("spring", "sms", "failed", 1),
      c("spring", "email", "total", 2),
      c("spring", "email", "delivered", 2),
      c("spring", "email", "opened", 1),
      c("", "email", "total", 10),
      c("", "email", "bounced", 10),
      c("gone", "sms", "total", 0),
    ]);
    expect(rows.map((r) => [r.campaign, r.total])).toEqual([
      ["", 10],
      ["spring", 6],
    ]);
    expect(rows[0].sms).toBeNull();
    expect(rows[0].email?.rates.bounceRate).toBe(1);
    expect(rows[1].sms?.rates.deliveryRate).toBe(0.75);
    expect(rows[1].email?.rates.openRate).toBe(0.5);
  });

  it("keeps at most `limit` rows", () => {
    const many = Array.from({ length: 5 }, (_, i) => c(`c${i}`, "sms", "total", i + 1));
    expect(shapeCampaignRows(many, 2).map((r) => r.campaign)).toEqual(["c4", "c3"]);
  });
});
