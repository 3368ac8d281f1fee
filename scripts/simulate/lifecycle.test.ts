import { describe, expect, it } from "vitest";
import type { PlannedMessage, SimEvent } from "./plan";
import { buildPlan } from "./plan";
import { NOW, planInput } from "./test-fixtures";

// What each provider may report next (docs/providers.md): a plan may stop anywhere (in flight).
const TWILIO_NEXT: Record<string, string[]> = {
  start: ["queued", "sending", "failed"],
  queued: ["sending", "failed"],
  sending: ["sent"],
  sent: ["delivered", "undelivered"],
  delivered: [],
  undelivered: [],
  failed: [],
};
const RESEND_NEXT: Record<string, string[]> = {
  start: ["sent", "scheduled", "failed", "suppressed"],
  scheduled: ["sent"],
  sent: ["delivered", "delivery_delayed", "bounced"],
  delivery_delayed: ["delivered", "bounced"],
  delivered: ["opened", "complained"],
  opened: ["opened", "clicked", "complained"],
  clicked: ["opened", "clicked"],
  bounced: [],
  failed: [],
  suppressed: [],
  complained: [],
};

function lifecycles(events: SimEvent[]): Map<PlannedMessage, SimEvent[]> {
  const byMessage = new Map<PlannedMessage, SimEvent[]>();
  for (const event of events) byMessage.set(event.message, [...(byMessage.get(event.message) ?? []), event]);
  for (const list of byMessage.values()) list.sort((a, b) => a.step - b.step);
  return byMessage;
}

function expectValidLifecycle(message: PlannedMessage, events: SimEvent[]) {
  const next = message.provider === "twilio" ? TWILIO_NEXT : RESEND_NEXT;
  let previous = "start";
  events.forEach((event, i) => {
    const status = message.provider === "twilio" ? event.status : event.status.replace(/^email\./, "");
    expect(event.step).toBe(i);
    expect(next[previous], `${message.externalId}: ${previous} → ${status}`).toContain(status);
    if (i > 0) expect(event.at.getTime()).toBeGreaterThan(events[i - 1].at.getTime());
    expect(event.at.getTime()).toBeGreaterThan(message.createdAt.getTime());
    expect(event.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    previous = status;
  });
  if (message.provider === "twilio") {
    // `queued` is reported only through a Messaging Service; an error code only on a failure.
    if (message.messagingServiceSid) expect(events[0].status).toBe("queued");
    else expect(events.map((e) => e.status)).not.toContain("queued");
    expect(message.errorCode !== null).toBe(
      message.outcome === "undelivered" || message.outcome === "failed",
    );
  }
}

describe("lifecycles", () => {
  const shapes = [
    { name: "mixed", input: {} },
    {
      name: "Twilio squeezed to 4 callbacks per SMS",
      input: { providers: ["twilio" as const], count: 100, messages: 25, duplicates: 0, bad: 0 },
    },
    {
      name: "Resend stretched with extra opens and clicks",
      input: { providers: ["resend" as const], count: 120, messages: 6, duplicates: 0, bad: 0 },
    },
    { name: "many short prefixes", input: { count: 60, messages: 50, duplicates: 0, bad: 0 } },
  ];
  for (const { name, input } of shapes) {
    it(`are valid provider lifecycles (${name}), for many seeds`, () => {
      for (let seed = 0; seed < 25; seed++) {
        const plan = buildPlan(planInput({ seed: `s${seed}`, ...input }));
        const fresh = plan.items.flatMap((item) => (item.kind === "event" ? [item.event] : []));
        const byMessage = lifecycles(fresh);
        expect(byMessage.size).toBe(plan.messages.length);
        if (input.messages) expect(plan.messages).toHaveLength(input.messages);
        for (const [message, events] of byMessage) expectValidLifecycle(message, events);
      }
    });
  }

  it("covers the outcomes the brief lists, over a large plan", () => {
    const plan = buildPlan(planInput({ count: 3000, duplicates: 0, bad: 0, seed: "coverage" }));
    const statuses = new Set(plan.items.map((item) => item.event.status));
    for (const status of [
      "queued",
      "sending",
      "sent",
      "delivered",
      "undelivered",
      "failed",
      "email.sent",
      "email.delivered",
      "email.opened",
      "email.clicked",
      "email.bounced",
      "email.complained",
      "email.delivery_delayed",
      "email.suppressed",
      "email.failed",
    ]) {
      expect(statuses, status).toContain(status);
    }
    const twilio = plan.messages.filter((m) => m.provider === "twilio");
    expect(new Set(twilio.flatMap((m) => (m.outcome === "undelivered" ? [m.errorCode] : [])))).toEqual(
      new Set(["30003", "30005", "30006", "30007"]),
    );
    const bounces = plan.items.flatMap((item) =>
      item.event.extras?.bounce ? [item.event.extras.bounce.type] : [],
    );
    expect(new Set(bounces)).toEqual(new Set(["Permanent", "Temporary"]));
    expect(twilio.some((m) => m.messagingServiceSid) && twilio.some((m) => !m.messagingServiceSid)).toBe(
      true,
    );
  });
});
