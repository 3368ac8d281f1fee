import { describe, expect, it } from "vitest";
import { CAMPAIGNS } from "./fiction";
import { buildPlan } from "./plan";
import { registrationBody, splitRegistrations } from "./register";

const now = new Date("2026-11-29T12:00:00Z");
const plan = buildPlan({
  seed: "register-test",
  count: 400,
  providers: ["twilio", "resend"],
  messages: null,
  duplicates: 0,
  bad: 0,
  outOfOrder: false,
  campaign: null,
  now,
  days: 7,
});

describe("the simulator's registrations", () => {
  it("every message has a realistic campaign (on its Resend tags too), sent within the last 7 days", () => {
    for (const m of plan.messages) {
      expect(CAMPAIGNS[m.provider] as readonly string[]).toContain(m.campaign);
      if (m.provider === "resend") expect(m.tags.campaign).toBe(m.campaign);
      expect(now.getTime() - m.createdAt.getTime()).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000 * 24);
    }
    expect(new Set(plan.messages.map((m) => m.campaign)).size).toBeGreaterThan(3);
    const spread = plan.messages.map((m) => m.createdAt.getTime());
    expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(3 * 86_400_000);
  });

  it("most are registered before their callbacks, some after; the same seed splits the same way", () => {
    const { early, late } = splitRegistrations(plan.messages, "register-test");
    expect(early.length + late.length).toBe(plan.messages.length);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(early.length / 3);
    expect(splitRegistrations(plan.messages, "register-test").late).toEqual(late);
  });

  it("registers what the callbacks will name: provider id, recipient, channel, send time", () => {
    const sms = plan.messages.find((m) => m.provider === "twilio")!;
    expect(registrationBody(sms, { sms: "+14155550100", email: "a@example.com" })).toEqual({
      channel: "sms",
      to: sms.recipient,
      from: "+14155550100",
      campaign: sms.campaign,
      provider: "twilio",
      externalId: sms.externalId,
      sentAt: sms.createdAt.toISOString(),
      idempotencyKey: `simulate:${sms.externalId}`,
    });
    const email = plan.messages.find((m) => m.provider === "resend")!;
    expect(registrationBody(email, { sms: "+1", email: "a@example.com" })).toMatchObject({
      channel: "email",
      subject: email.provider === "resend" ? email.subject : undefined,
      externalId: email.externalId,
    });
  });
});
