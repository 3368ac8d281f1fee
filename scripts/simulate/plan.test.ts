import { describe, expect, it } from "vitest";
import { BAD_KINDS } from "./bad-kinds";
import { PlanError } from "./budget";
import { buildPlan, type PlanItem } from "./plan";
import { planInput } from "./test-fixtures";

const fresh = (items: PlanItem[]) => items.flatMap((item) => (item.kind === "event" ? [item.event] : []));

describe("buildPlan", () => {
  it("is reproducible for a seed, and differs between seeds", () => {
    const input = planInput({ outOfOrder: true, campaign: "spring-sale" });
    expect(buildPlan(input)).toEqual(buildPlan({ ...input }));
    const other = buildPlan({ ...input, seed: "seed-2" });
    expect(other.items.map((i) => i.event.message.externalId)).not.toEqual(
      buildPlan(input).items.map((i) => i.event.message.externalId),
    );
  });

  it("sends exactly --count requests: fresh events, redeliveries and bad requests by their fractions", () => {
    const plan = buildPlan(planInput({ count: 200, duplicates: 0.1, bad: 0.05 }));
    expect(plan.items).toHaveLength(200);
    const kinds = plan.items.map((i) => i.kind);
    expect(kinds.filter((k) => k === "duplicate")).toHaveLength(20);
    expect(kinds.filter((k) => k === "bad")).toHaveLength(10);
    expect(kinds.filter((k) => k === "event")).toHaveLength(170);
    expect([plan.fresh, plan.duplicates, plan.bad]).toEqual([170, 20, 10]);
  });

  it("spreads the events over --messages messages, both providers in use", () => {
    const plan = buildPlan(planInput({ count: 100, messages: 30, duplicates: 0, bad: 0 }));
    expect(plan.messages).toHaveLength(30);
    expect(new Set(fresh(plan.items).map((e) => e.message))).toHaveProperty("size", 30);
    expect(new Set(plan.messages.map((m) => m.provider))).toEqual(new Set(["twilio", "resend"]));
  });

  it("redelivers an earlier request with the same delivery id", () => {
    const plan = buildPlan(planInput({ duplicates: 0.3 }));
    const duplicates = plan.items.flatMap((item, index) =>
      item.kind === "duplicate" ? [{ item, index }] : [],
    );
    expect(duplicates.length).toBeGreaterThan(0);
    for (const { item, index } of duplicates) {
      const original = plan.items[item.original];
      expect(item.original).toBeLessThan(index);
      expect(original.kind).toBe("event");
      expect(original.event).toBe(item.event);
      expect(original.event.deliveryId).toBe(item.event.deliveryId);
    }
  });

  it("gives every first delivery and every bad request its own delivery id, in the providers' formats", () => {
    const plan = buildPlan(planInput({ count: 500, bad: 0.2 }));
    const ids = plan.items.flatMap((i) =>
      i.kind === "event" ? [i.event.deliveryId] : i.kind === "bad" ? [i.deliveryId] : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const message of plan.messages) {
      if (message.provider === "twilio") {
        expect(message.externalId).toMatch(/^SM[0-9a-f]{32}$/);
        expect(message.recipient).toMatch(/^\+1\d{3}55501\d{2}$/);
        if (message.messagingServiceSid) expect(message.messagingServiceSid).toMatch(/^MG[0-9a-f]{32}$/);
      } else {
        expect(message.externalId).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(message.recipient).toMatch(/@example\.com$/);
      }
    }
    for (const event of fresh(plan.items)) {
      expect(event.deliveryId).toMatch(
        event.message.provider === "twilio" ? /^[0-9a-f-]{36}$/ : /^msg_[0-9A-Za-z]{27}$/,
      );
    }
  });

  it("keeps each message's events in order, unless --out-of-order, which leaves no message in order", () => {
    const inOrder = (plan: ReturnType<typeof buildPlan>) => {
      const last = new Map<unknown, number>();
      const ordered = new Map<unknown, boolean>();
      for (const event of fresh(plan.items)) {
        ordered.set(
          event.message,
          (ordered.get(event.message) ?? true) && event.step > (last.get(event.message) ?? -1),
        );
        last.set(event.message, event.step);
      }
      return [...ordered.entries()]
        .filter(([message]) => fresh(plan.items).filter((e) => e.message === message).length > 1)
        .map(([, ok]) => ok);
    };
    expect(inOrder(buildPlan(planInput()))).not.toContain(false);
    const shuffled = inOrder(buildPlan(planInput({ outOfOrder: true })));
    expect(shuffled.length).toBeGreaterThan(0);
    expect(shuffled).not.toContain(true);
  });

  it("cycles through every bad kind of each provider", () => {
    const plan = buildPlan(planInput({ count: 400, bad: 0.25 }));
    for (const provider of ["twilio", "resend"] as const) {
      const kinds = new Set(
        plan.items.flatMap((i) => (i.kind === "bad" && i.event.message.provider === provider ? [i.bad] : [])),
      );
      expect(kinds).toEqual(new Set(BAD_KINDS[provider]));
    }
  });

  it("tags every email with --campaign and one broadcast id", () => {
    const plan = buildPlan(planInput({ campaign: "spring-sale" }));
    const emails = plan.messages.filter((m) => m.provider === "resend");
    expect(
      emails.every((m) => m.tags.campaign === "spring-sale" && typeof m.tags.category === "string"),
    ).toBe(true);
    expect(new Set(emails.map((m) => m.broadcastId)).size).toBe(1);
  });

  it("refuses combinations it cannot honour, saying what to change", () => {
    expect(() => buildPlan(planInput({ count: 10, duplicates: 0.5, bad: 0.5 }))).toThrow(PlanError);
    expect(() =>
      buildPlan(planInput({ count: 100, providers: ["twilio"], messages: 10, duplicates: 0, bad: 0 })),
    ).toThrow(/at least 25 SMS messages/);
    expect(() => buildPlan(planInput({ count: 10, messages: 11, duplicates: 0, bad: 0 }))).toThrow(
      /more than the 10 fresh events/,
    );
  });
});
