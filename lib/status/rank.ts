// Rank tables for the providers' own status names. A message's status only ever moves up these ranks,
// because callbacks arrive late, twice and out of order (docs/architecture.md, "Message status").
import type { Channel } from "@/lib/providers/types";

/** Status of a message we registered but no provider has reported on yet. */
export const REGISTERED = "registered";

// Maps, not object literals: a status such as "constructor" must not find Object.prototype.
const SMS_RANK = new Map<string, number>([
  ["queued", 1],
  ["accepted", 1],
  ["scheduled", 1],
  ["sending", 2],
  ["sent", 3],
  ["delivered", 4],
  ["undelivered", 4],
  ["failed", 4],
  ["canceled", 4],
  ["partially_delivered", 4],
  ["read", 5],
]);

const EMAIL_RANK = new Map<string, number>([
  ["sent", 1],
  ["scheduled", 1],
  ["delivery_delayed", 2],
  ["delivered", 3],
  ["bounced", 3],
  ["failed", 3],
  ["suppressed", 3],
]);

// Breaks a tie between two statuses of equal rank when event time cannot: the later in the list wins.
// Only the order inside one rank matters. SMS: "delivered > undelivered > failed > canceled" from the
// tracker; partially_delivered sits just below delivered because part of it did arrive. Lower ranks
// follow Twilio's lifecycle (accepted/scheduled come before queued). Email: a bounce is the strongest
// evidence, because Resend reports it after the receiving server accepted the message.
const SMS_PRECEDENCE = [
  "accepted",
  "scheduled",
  "queued",
  "sending",
  "sent",
  "canceled",
  "failed",
  "undelivered",
  "partially_delivered",
  "delivered",
  "read",
];
const EMAIL_PRECEDENCE = [
  "scheduled",
  "sent",
  "delivery_delayed",
  "delivered",
  "suppressed",
  "failed",
  "bounced",
];

const FAILURES: Record<Channel, ReadonlySet<string>> = {
  sms: new Set(["failed", "undelivered"]),
  email: new Set(["failed", "suppressed"]),
};

// Facts that can only happen after the message arrived: an open, a click, a spam complaint, an SMS read.
const IMPLIES_DELIVERY: Record<Channel, ReadonlySet<string>> = {
  sms: new Set(["read"]),
  email: new Set(["opened", "clicked", "complained"]),
};

// Inbound traffic (Twilio "receiving"/"received", Resend "email.received") is never about an outbound message.
const INBOUND = new Set(["receiving", "received"]);

function rankTable(channel: Channel): ReadonlyMap<string, number> {
  return channel === "sms" ? SMS_RANK : EMAIL_RANK;
}

/**
 * Rank of a status the message itself can have: "registered" is 0, provider statuses count up from 1.
 * Null for everything that is not a delivery status (engagement, inbound, unknown names), because those
 * never set the status directly.
 */
export function statusRank(channel: Channel, status: string): number | null {
  if (status === REGISTERED) return 0;
  return rankTable(channel).get(status) ?? null;
}

/** True for a provider status that moves the message along the rank table (excludes "registered"). */
export function isDeliveryStatus(channel: Channel, status: string): boolean {
  return rankTable(channel).has(status);
}

/** Rank of "delivered": every status at or above it is final for delivery. */
export function deliveredRank(channel: Channel): number {
  return rankTable(channel).get("delivered") as number;
}

/**
 * True when the provider will not move the message on by itself. SMS "sent" is not terminal: many
 * carriers never return a receipt, so "sent" may simply be the last word.
 */
export function isTerminal(channel: Channel, status: string): boolean {
  const rank = statusRank(channel, status);
  return rank !== null && rank >= deliveredRank(channel);
}

/** Tie-break weight inside one rank; -1 for names outside the table. */
export function statusPrecedence(channel: Channel, status: string): number {
  return (channel === "sms" ? SMS_PRECEDENCE : EMAIL_PRECEDENCE).indexOf(status);
}

/** A status that means the message will not reach the recipient (bounces have their own milestone). */
export function isFailureStatus(channel: Channel, status: string): boolean {
  return FAILURES[channel].has(status);
}

export function impliesDelivery(channel: Channel, status: string): boolean {
  return IMPLIES_DELIVERY[channel].has(status);
}

export function isInboundStatus(status: string): boolean {
  return INBOUND.has(status);
}

/**
 * Statuses that still wait for a final word (the "stuck" filter): "registered" and every status below
 * "delivered" — of one channel, or of both when none is given.
 */
export function awaitingStatuses(channel?: Channel): string[] {
  const channels: Channel[] = channel ? [channel] : ["sms", "email"];
  const names = new Set<string>([REGISTERED]);
  for (const c of channels)
    for (const [status, rank] of rankTable(c)) if (rank < deliveredRank(c)) names.add(status);
  return [...names];
}
