// Golden tables: realistic callback sequences from each provider's lifecycle (docs/architecture.md,
// "Message status"), with the answer written out by hand. Each row is checked in every order the events
// could have been applied in — through the hot path (applyEvent, once per delivery), through
// deriveMessageState, and through the independent oracle the property tests rely on, so the oracle is
// itself held to these answers.
import { describe, expect, it } from "vitest";
import { expectedMessageState, visibleState, type OracleState } from "@/test/support/status-oracle";
import { applyEvent, createMessageState, deriveMessageState, statusRank, type StatusEvent } from "./derive";
import type { GoldenRow } from "./golden/row";
import type { Channel } from "./types";
import { SMS_ROWS } from "./golden/twilio-sms";
import { EMAIL_ROWS } from "./golden/resend-email";

const EMPTY: Omit<OracleState, "status" | "statusRank"> = {
  statusAt: null,
  sentAt: null,
  deliveredAt: null,
  failedAt: null,
  bouncedAt: null,
  complainedAt: null,
  firstOpenedAt: null,
  firstClickedAt: null,
  openCount: 0,
  clickCount: 0,
  errorCode: null,
  errorMessage: null,
  bounceType: null,
  bounceSubType: null,
};

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++)
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [items[i], ...rest];
}

// A provider's retry repeats a delivery id and always arrives after the original.
function couldArriveSo(order: StatusEvent[]): boolean {
  const seen = new Map<string, number>();
  for (const e of order) {
    const at = e.receivedAt?.getTime() ?? Infinity;
    if ((seen.get(e.deliveryId) ?? -Infinity) > at) return false;
    seen.set(e.deliveryId, at);
  }
  return true;
}

// What ingest does: each delivery id is applied once, on its first arrival.
function foldAsIngest(channel: Channel, order: StatusEvent[]) {
  const applied = new Set<string>();
  return order.reduce((state, event) => {
    if (applied.has(event.deliveryId)) return state;
    applied.add(event.deliveryId);
    return applyEvent(state, channel, event);
  }, createMessageState());
}

const withoutRank = ({ statusRank: _rank, ...rest }: OracleState) => rest;

function checkRows(channel: Channel, rows: GoldenRow[]) {
  for (const row of rows) {
    it(row.name, () => {
      const expected = { ...EMPTY, ...row.expect };
      const oracle = expectedMessageState(channel, row.events);
      expect(withoutRank(oracle), "oracle").toEqual(expected);
      let orders = 0;
      for (const order of permutations(row.events)) {
        if (!couldArriveSo(order)) continue;
        orders += 1;
        const label = order.map((e) => e.status).join(" → ");
        const folded = visibleState(foldAsIngest(channel, order));
        expect(withoutRank(folded), `applyEvent: ${label}`).toEqual(expected);
        expect(folded.statusRank, label).toBe(statusRank(channel, expected.status));
        expect(visibleState(deriveMessageState(channel, order)), `derive: ${label}`).toEqual(folded);
      }
      expect(orders).toBeGreaterThan(0);
    });
  }
}

describe("golden lifecycles: Twilio SMS", () => checkRows("sms", SMS_ROWS));
describe("golden lifecycles: Resend email", () => checkRows("email", EMAIL_ROWS));

describe("golden lifecycles: ranks", () => {
  // Each step strictly above the one before; the statuses of one step share a rank.
  const LIFECYCLES: Record<Channel, string[][]> = {
    sms: [
      ["registered"],
      ["queued", "accepted", "scheduled"],
      ["sending"],
      ["sent"],
      ["delivered", "undelivered", "failed", "canceled", "partially_delivered"],
      ["read"],
    ],
    email: [
      ["registered"],
      ["sent", "scheduled"],
      ["delivery_delayed"],
      ["delivered", "bounced", "failed", "suppressed"],
    ],
  };
  for (const channel of ["sms", "email"] as const) {
    it(`${channel}: the documented order, and no rank for engagement, inbound or unknown names`, () => {
      const ranks = LIFECYCLES[channel].map((statuses) => statuses.map((s) => statusRank(channel, s)));
      expect(ranks[0]).toEqual([0]);
      ranks.forEach((step, i) => {
        expect(new Set(step).size, LIFECYCLES[channel][i].join(",")).toBe(1);
        if (i > 0) expect(step[0]!).toBeGreaterThan(ranks[i - 1][0]!);
      });
      for (const other of ["opened", "clicked", "complained", "received", "receiving", "constructor"])
        expect(statusRank(channel, other), other).toBeNull();
    });
  }
});
