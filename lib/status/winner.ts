// Which of two delivery-status events decides a message's status. The order is total over events with
// distinct delivery ids, so the winner of a set does not depend on the order the set was read in.
import type { Channel } from "@/lib/providers/types";
import { statusPrecedence, statusRank } from "./rank";
import { compareTimes, eventTime } from "./event-time";
import type { StatusEvent, WinningEvent } from "./types";

export function toWinningEvent(event: StatusEvent): WinningEvent {
  return {
    status: event.status,
    occurredAt: event.occurredAt,
    deliveryId: event.deliveryId,
    at: eventTime(event),
    errorCode: event.errorCode ?? null,
    errorMessage: event.errorMessage ?? null,
    bounceType: event.bounceType ?? null,
    bounceSubType: event.bounceSubType ?? null,
  };
}

/**
 * Positive when a beats b: rank, then later occurredAt, then precedence, then greater deliveryId.
 * Only the provider's own event time counts: our arrival time is exactly the ordering the providers do
 * not guarantee. An unknown occurredAt loses to a known one.
 */
export function compareEvents(channel: Channel, a: WinningEvent, b: WinningEvent): number {
  const byRank = (statusRank(channel, a.status) ?? -1) - (statusRank(channel, b.status) ?? -1);
  if (byRank !== 0) return byRank;
  const byTime = compareTimes(a.occurredAt, b.occurredAt);
  if (byTime !== 0) return byTime;
  const byPrecedence = statusPrecedence(channel, a.status) - statusPrecedence(channel, b.status);
  if (byPrecedence !== 0) return byPrecedence;
  return a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : 0;
}

export function pickWinner(
  channel: Channel,
  current: WinningEvent | null,
  candidate: WinningEvent,
): WinningEvent {
  return current === null || compareEvents(channel, candidate, current) > 0 ? candidate : current;
}
