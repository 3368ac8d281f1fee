// The incremental form of the status derivation, used on the ingest hot path.
//
// Contract: call applyEvent once per delivery id. Ingest guarantees it: a redelivery, or the same status
// again, is stopped by a unique key before anything is applied. Under that contract, folding applyEvent over the events in ANY order gives exactly deriveMessageState(all):
// every part of the state is a maximum (the winner), a minimum (milestones), a sum (counts) or an "or"
// (delivery implied), and the visible fields are recomputed from those parts after each event.
import type { Channel } from "@/lib/providers/types";
import { earliest, eventTime } from "./event-time";
import {
  REGISTERED,
  deliveredRank,
  impliesDelivery,
  isDeliveryStatus,
  isFailureStatus,
  isInboundStatus,
  statusRank,
} from "./rank";
import type { MessageState, StatusBasis, StatusEvent } from "./types";
import { pickWinner, toWinningEvent } from "./winner";

/** State of a message with no events yet: "registered", rank 0. */
export function createMessageState(): MessageState {
  return {
    status: REGISTERED,
    statusRank: 0,
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
    basis: { winner: null, reportedDeliveredAt: null, deliveryImplied: false, impliedDeliveredAt: null },
  };
}

/** True when the event can change the message: outbound, and a status we know. */
export function isEffectiveEvent(channel: Channel, event: StatusEvent): boolean {
  if (isInboundStatus(event.status)) return false;
  return isDeliveryStatus(channel, event.status) || impliesDelivery(channel, event.status);
}

/**
 * Folds one event into a message's state and returns the new state (the input is not mutated; an event
 * that cannot change anything returns `current` itself). Only for events not yet applied: see above.
 */
export function applyEvent(current: MessageState, channel: Channel, event: StatusEvent): MessageState {
  if (!isEffectiveEvent(channel, event)) return current;
  const at = eventTime(event);
  const next: MessageState = { ...current, basis: { ...current.basis } };
  const { status } = event;

  if (isDeliveryStatus(channel, status)) {
    next.basis.winner = pickWinner(channel, current.basis.winner, toWinningEvent(event));
    if (status === "sent") next.sentAt = earliest(next.sentAt, at);
    if (status === "delivered") next.basis.reportedDeliveredAt = earliest(next.basis.reportedDeliveredAt, at);
    if (status === "bounced") next.bouncedAt = earliest(next.bouncedAt, at);
    if (isFailureStatus(channel, status)) next.failedAt = earliest(next.failedAt, at);
  }
  if (impliesDelivery(channel, status)) {
    next.basis.deliveryImplied = true;
    next.basis.impliedDeliveredAt = earliest(next.basis.impliedDeliveredAt, at);
  }
  if (channel === "email" && status === "opened") {
    next.openCount += 1;
    next.firstOpenedAt = earliest(next.firstOpenedAt, at);
  }
  if (channel === "email" && status === "clicked") {
    next.clickCount += 1;
    next.firstClickedAt = earliest(next.firstClickedAt, at);
  }
  if (channel === "email" && status === "complained") next.complainedAt = earliest(next.complainedAt, at);
  return { ...next, ...projectStatus(channel, next.basis) };
}

type StatusFields = Pick<
  MessageState,
  | "status"
  | "statusRank"
  | "statusAt"
  | "deliveredAt"
  | "errorCode"
  | "errorMessage"
  | "bounceType"
  | "bounceSubType"
>;

// The visible status is a function of the basis alone, which is what makes the fold order-free.
// Engagement lifts a message below "delivered" to "delivered"; it never replaces a terminal status
// (an opened message that also bounced stays bounced, with deliveredAt set to show it did arrive).
// Error fields belong to the event whose status is shown: none when the status is only implied.
function projectStatus(channel: Channel, basis: StatusBasis): StatusFields {
  const deliveredAt = basis.reportedDeliveredAt ?? basis.impliedDeliveredAt;
  const { winner } = basis;
  const winnerRank = winner === null ? 0 : (statusRank(channel, winner.status) ?? 0);
  if (basis.deliveryImplied && winnerRank < deliveredRank(channel)) {
    return {
      status: "delivered",
      statusRank: deliveredRank(channel),
      statusAt: deliveredAt,
      deliveredAt,
      errorCode: null,
      errorMessage: null,
      bounceType: null,
      bounceSubType: null,
    };
  }
  if (winner === null) {
    return {
      status: REGISTERED,
      statusRank: 0,
      statusAt: null,
      deliveredAt,
      errorCode: null,
      errorMessage: null,
      bounceType: null,
      bounceSubType: null,
    };
  }
  return {
    status: winner.status,
    statusRank: winnerRank,
    statusAt: winner.at,
    deliveredAt,
    errorCode: winner.errorCode,
    errorMessage: winner.errorMessage,
    bounceType: winner.bounceType,
    bounceSubType: winner.bounceSubType,
  };
}
