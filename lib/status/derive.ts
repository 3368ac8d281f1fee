// Derives a message's state from the whole set of its events: the reference answer that the hot path
// (applyEvent, one event at a time) must always agree with, and what a rebuild or backfill uses.
import type { Channel } from "@/lib/providers/types";
import { applyEvent, createMessageState } from "./apply-event";
import type { MessageState, StatusEvent } from "./types";

export { applyEvent, createMessageState, isEffectiveEvent } from "./apply-event";
export { isTerminal, statusRank } from "./rank";
export type { MessageState, StatusBasis, StatusEvent, WinningEvent } from "./types";

// A missing receivedAt sorts last, so a copy with a known arrival time is preferred as the original.
function arrivedBefore(a: StatusEvent, b: StatusEvent): boolean {
  const ta = a.receivedAt?.getTime() ?? Infinity;
  const tb = b.receivedAt?.getTime() ?? Infinity;
  return ta < tb;
}

/**
 * One event per delivery id. Copies of one delivery carry the same content; only their arrival differs,
 * and the first arrival is the one ingest applied.
 */
export function distinctDeliveries(events: readonly StatusEvent[]): StatusEvent[] {
  const byDelivery = new Map<string, StatusEvent>();
  for (const event of events) {
    const seen = byDelivery.get(event.deliveryId);
    if (seen === undefined || arrivedBefore(event, seen)) byDelivery.set(event.deliveryId, event);
  }
  return [...byDelivery.values()];
}

/**
 * The state of a message given every event stored for it, in any order. A pure function of the set of
 * events: arrival order never matters, a repeated delivery counts once, inbound and unknown statuses
 * change nothing, and with no events the message is "registered".
 */
export function deriveMessageState(channel: Channel, events: readonly StatusEvent[]): MessageState {
  return distinctDeliveries(events).reduce(
    (state, event) => applyEvent(state, channel, event),
    createMessageState(),
  );
}
