// Property tests: random event sets, random provider retries, random arrival orders. Times come from a
// handful of minutes and delivery ids from a small pool, so ties at every level of the tie-break are
// frequent. The expected state comes from an independent oracle written from the documented rules
// (test/support/status-oracle.ts), not from lib/status itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Channel } from "@/lib/providers/types";
import { expectedMessageState, visibleState } from "@/test/support/status-oracle";
import {
  applyEvent,
  createMessageState,
  deriveMessageState,
  isTerminal,
  statusRank,
  type StatusEvent,
} from "./derive";
import { deliveredRank, impliesDelivery, isDeliveryStatus } from "./rank";

const RUNS = { numRuns: 3000 };
const STATUSES: Record<Channel, string[]> = {
  sms: [
    "queued",
    "accepted",
    "scheduled",
    "sending",
    "sent",
    "delivered",
    "undelivered",
    "failed",
    "canceled",
    "partially_delivered",
    "read",
    "receiving",
    "received",
    "bogus",
  ],
  email: [
    "scheduled",
    "sent",
    "delivery_delayed",
    "delivered",
    "bounced",
    "failed",
    "suppressed",
    "opened",
    "clicked",
    "complained",
    "received",
    "bogus",
  ],
};
const minute = fc.integer({ min: 0, max: 4 }).map((m) => new Date(Date.UTC(2026, 0, 1, 12, m)));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

function eventArb(channel: Channel): fc.Arbitrary<StatusEvent> {
  return fc.record({
    status: fc.constantFrom(...STATUSES[channel]),
    // Twilio sends no event time; Resend nearly always does.
    occurredAt: channel === "email" ? fc.option(minute, { nil: null, freq: 8 }) : fc.constant(null),
    deliveryId: fc.constantFrom("a", "b", "c", "ab", "ba", "d1", "d2", "e", "f", "g", "h", "i", "j", "k"),
    receivedAt: fc.option(minute, { nil: undefined, freq: 4 }),
    errorCode: maybe(fc.constantFrom("30003", "30005", "21610")),
    bounceType: maybe(fc.constantFrom("Permanent", "Temporary")),
  });
}

const copyArb = fc.record({ index: fc.nat(), laterBy: fc.integer({ min: 0, max: 3 }) });

// A provider's retry: the same delivery (same id and content), reaching us again, as late or later.
function copiesOf(base: StatusEvent[], picks: Array<{ index: number; laterBy: number }>): StatusEvent[] {
  if (base.length === 0) return [];
  return picks.map(({ index, laterBy }) => {
    const original = base[index % base.length];
    if (original.receivedAt === undefined) return { ...original };
    return { ...original, receivedAt: new Date(original.receivedAt.getTime() + laterBy * 60_000) };
  });
}

// A shuffle is a possible arrival order once each delivery's copies come earliest first: the positions a
// delivery id holds are kept, its copies are put into them in order of arrival.
function asArrived(order: StatusEvent[]): StatusEvent[] {
  const arrival = (e: StatusEvent) => e.receivedAt?.getTime() ?? Infinity;
  const copies = new Map<string, StatusEvent[]>();
  for (const e of order) copies.set(e.deliveryId, [...(copies.get(e.deliveryId) ?? []), e]);
  for (const list of copies.values()) list.sort((a, b) => arrival(a) - arrival(b));
  return order.map((e) => copies.get(e.deliveryId)!.shift()!);
}

const scenarioArb = fc.constantFrom<Channel>("sms", "email").chain((channel) =>
  fc
    .tuple(
      fc.uniqueArray(eventArb(channel), { selector: (e) => e.deliveryId, maxLength: 12 }),
      fc.array(copyArb, { maxLength: 6 }),
    )
    .chain(([base, picks]) => {
      const all = [...base, ...copiesOf(base, picks)];
      const shuffle = fc
        .shuffledSubarray(all, { minLength: all.length, maxLength: all.length })
        .map(asArrived);
      return fc.record({
        channel: fc.constant(channel),
        base: fc.constant(base),
        order1: shuffle,
        order2: shuffle,
      });
    }),
);

// What ingest does: a delivery id seen before is a duplicate and never reaches applyEvent.
function foldAsIngest(channel: Channel, events: StatusEvent[]) {
  const seen = new Set<string>();
  const states = [createMessageState()];
  for (const event of events) {
    if (seen.has(event.deliveryId)) continue;
    seen.add(event.deliveryId);
    states.push(applyEvent(states[states.length - 1], channel, event));
  }
  return states;
}

describe("deriveMessageState / applyEvent properties", () => {
  it("[PROP][ORACLE] derive and the applyEvent fold give what the rules say, in any arrival order", () => {
    fc.assert(
      fc.property(scenarioArb, ({ channel, base, order1, order2 }) => {
        const expected = expectedMessageState(channel, base);
        expect(expectedMessageState(channel, order1), "the oracle itself is order-free").toEqual(expected);
        expect(visibleState(foldAsIngest(channel, order1).at(-1)!), "applyEvent").toEqual(expected);
        expect(visibleState(foldAsIngest(channel, order2).at(-1)!), "applyEvent").toEqual(expected);
        expect(visibleState(deriveMessageState(channel, order1)), "derive").toEqual(expected);
      }),
      RUNS,
    );
  });

  it("[PROP] derive depends only on the set of events, not on order or repeated deliveries", () => {
    fc.assert(
      fc.property(scenarioArb, ({ channel, base, order1, order2 }) => {
        const expected = deriveMessageState(channel, base);
        expect(deriveMessageState(channel, order1)).toEqual(expected);
        expect(deriveMessageState(channel, order2)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("[PROP] folding applyEvent over any arrival order equals derive", () => {
    fc.assert(
      fc.property(scenarioArb, ({ channel, order1, order2 }) => {
        const expected = deriveMessageState(channel, order1);
        expect(foldAsIngest(channel, order1).at(-1)).toEqual(expected);
        expect(foldAsIngest(channel, order2).at(-1)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("[PROP] the status never ranks below any delivery status seen, and never moves back", () => {
    fc.assert(
      fc.property(scenarioArb, ({ channel, order1 }) => {
        const states = foldAsIngest(channel, order1);
        const final = states[states.length - 1];
        expect(final.statusRank).toBe(statusRank(channel, final.status));
        for (const event of order1.filter((e) => isDeliveryStatus(channel, e.status))) {
          expect(final.statusRank).toBeGreaterThanOrEqual(statusRank(channel, event.status) as number);
        }
        states
          .slice(1)
          .forEach((state, i) => expect(state.statusRank).toBeGreaterThanOrEqual(states[i].statusRank));
      }),
      RUNS,
    );
  });

  it("[PROP] engagement implies delivery; counts are distinct deliveries", () => {
    fc.assert(
      fc.property(scenarioArb, ({ channel, order1 }) => {
        const state = deriveMessageState(channel, order1);
        const engaged = order1.filter((e) => impliesDelivery(channel, e.status));
        if (engaged.length > 0) {
          expect(isTerminal(channel, state.status)).toBe(true);
          expect(state.statusRank).toBeGreaterThanOrEqual(deliveredRank(channel));
          if (engaged.some((e) => (e.occurredAt ?? e.receivedAt ?? null) !== null))
            expect(state.deliveredAt).not.toBeNull();
        }
        const distinct = (status: string) =>
          new Set(order1.filter((e) => channel === "email" && e.status === status).map((e) => e.deliveryId))
            .size;
        expect(state.openCount).toBe(distinct("opened"));
        expect(state.clickCount).toBe(distinct("clicked"));
      }),
      RUNS,
    );
  });
});
