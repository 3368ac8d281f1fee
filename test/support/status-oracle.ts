// An independent model of a message's status, for tests only. It is written from the rules in
// docs/architecture.md ("Message status") and shares no code with lib/status: its own lifecycle tables, its
// own notion of time, and it reads the whole set of events at once (filter to the strongest, then the
// latest, ...) instead of folding events one at a time with a comparator. A wrong rank, tie-break or
// milestone in lib/status therefore disagrees with it, where a fold compared with itself never would.

export type OracleChannel = "sms" | "email";

export interface OracleEvent {
  status: string;
  /** The provider's own event time (Resend created_at); Twilio sends none. */
  occurredAt: Date | null;
  /** Copies of one delivery (a provider's retry) share it. */
  deliveryId: string;
  /** When Signalboard received it. */
  receivedAt?: Date;
  errorCode?: string | null;
  errorMessage?: string | null;
  bounceType?: string | null;
  bounceSubType?: string | null;
}

/** Every field of a message that its events decide. */
export interface OracleState {
  status: string;
  statusRank: number;
  statusAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  bouncedAt: Date | null;
  complainedAt: Date | null;
  firstOpenedAt: Date | null;
  firstClickedAt: Date | null;
  openCount: number;
  clickCount: number;
  errorCode: string | null;
  errorMessage: string | null;
  bounceType: string | null;
  bounceSubType: string | null;
}

// Each provider's outbound lifecycle, one step per rank (registered = 0, the first step = 1). Inside a step
// the statuses are listed weakest first: that order settles a tie the event time cannot.
const LIFECYCLE: Record<OracleChannel, string[][]> = {
  sms: [
    ["accepted", "scheduled", "queued"], // a Messaging Service accepts, or schedules, before it queues
    ["sending"],
    ["sent"],
    ["canceled", "failed", "undelivered", "partially_delivered", "delivered"],
    ["read"],
  ],
  email: [
    ["scheduled", "sent"],
    ["delivery_delayed"],
    ["delivered", "suppressed", "failed", "bounced"], // a bounce is the strongest evidence
  ],
};

/** Facts that only happen once the message arrived. */
const ENGAGEMENT: Record<OracleChannel, string[]> = {
  sms: ["read"],
  email: ["opened", "clicked", "complained"],
};

/** Statuses that mean the message will not reach the recipient. */
const FAILURE: Record<OracleChannel, string[]> = {
  sms: ["failed", "undelivered"],
  email: ["failed", "suppressed"],
};

const step = (channel: OracleChannel, status: string) =>
  LIFECYCLE[channel].findIndex((statuses) => statuses.includes(status));
const rankOf = (channel: OracleChannel, status: string) => step(channel, status) + 1;
const strengthInStep = (channel: OracleChannel, status: string) =>
  LIFECYCLE[channel][step(channel, status)].indexOf(status);
const DELIVERED_RANK = (channel: OracleChannel) => rankOf(channel, "delivered");

/** A delivery status's rank in its provider's lifecycle; null for anything else. */
export function expectedRank(channel: OracleChannel, status: string): number | null {
  return step(channel, status) >= 0 ? rankOf(channel, status) : null;
}

const valid = (d: Date | null | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/** When an event happened, as far as we know: the provider's time, else our arrival time. */
const timeOf = (e: OracleEvent): Date | null =>
  valid(e.occurredAt) ? e.occurredAt : valid(e.receivedAt) ? e.receivedAt : null;

const earliestTime = (events: OracleEvent[]): Date | null => {
  const times = events.map(timeOf).filter(valid);
  return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
};

/** The events that share the greatest value of `score` (all of them when every score is null). */
function keepGreatest<T>(items: T[], score: (item: T) => number | string | null): T[] {
  const scored = items.filter((i) => score(i) !== null);
  if (scored.length === 0) return items;
  const best = scored.reduce((a, b) =>
    (score(b) as number | string) > (score(a) as number | string) ? b : a,
  );
  return scored.filter((i) => score(i) === score(best));
}

/** One event per delivery: a retry repeats its delivery id, and the first arrival is the one that counts. */
function distinct(events: readonly OracleEvent[]): OracleEvent[] {
  const arrival = (e: OracleEvent) => (valid(e.receivedAt) ? e.receivedAt.getTime() : Infinity);
  const first = new Map<string, OracleEvent>();
  for (const e of events) {
    const seen = first.get(e.deliveryId);
    if (!seen || arrival(e) < arrival(seen)) first.set(e.deliveryId, e);
  }
  return [...first.values()];
}

/**
 * The delivery status that decides: the highest rank; then the latest provider event time (an unknown
 * time loses to a known one; our arrival time never decides, the providers do not keep order); then the
 * stronger status inside the step; then the greatest delivery id, so the answer never depends on order.
 */
function winnerOf(channel: OracleChannel, events: OracleEvent[]): OracleEvent | null {
  let candidates = events.filter((e) => step(channel, e.status) >= 0);
  if (candidates.length === 0) return null;
  candidates = keepGreatest(candidates, (e) => rankOf(channel, e.status));
  candidates = keepGreatest(candidates, (e) => (valid(e.occurredAt) ? e.occurredAt.getTime() : null));
  candidates = keepGreatest(candidates, (e) => strengthInStep(channel, e.status));
  return keepGreatest(candidates, (e) => e.deliveryId)[0];
}

/** The state of a message given all its events, in any order, copies included. */
export function expectedMessageState(channel: OracleChannel, all: readonly OracleEvent[]): OracleState {
  const events = distinct(all);
  const withStatus = (...statuses: string[]) => events.filter((e) => statuses.includes(e.status));
  const engaged = withStatus(...ENGAGEMENT[channel]);
  const deliveredAt = earliestTime(withStatus("delivered")) ?? earliestTime(engaged);
  const email = channel === "email";
  const state = {
    sentAt: earliestTime(withStatus("sent")),
    deliveredAt,
    failedAt: earliestTime(withStatus(...FAILURE[channel])),
    bouncedAt: email ? earliestTime(withStatus("bounced")) : null,
    complainedAt: email ? earliestTime(withStatus("complained")) : null,
    firstOpenedAt: email ? earliestTime(withStatus("opened")) : null,
    firstClickedAt: email ? earliestTime(withStatus("clicked")) : null,
    openCount: email ? withStatus("opened").length : 0,
    clickCount: email ? withStatus("clicked").length : 0,
  };
  const noError = { errorCode: null, errorMessage: null, bounceType: null, bounceSubType: null };

  const winner = winnerOf(channel, events);
  const winnerRank = winner ? rankOf(channel, winner.status) : 0;
  // Engagement proves delivery: it lifts a message below "delivered", never replaces a final status.
  if (engaged.length > 0 && winnerRank < DELIVERED_RANK(channel))
    return {
      status: "delivered",
      statusRank: DELIVERED_RANK(channel),
      statusAt: deliveredAt,
      ...state,
      ...noError,
    };
  if (!winner) return { status: "registered", statusRank: 0, statusAt: null, ...state, ...noError };
  return {
    status: winner.status,
    statusRank: winnerRank,
    statusAt: timeOf(winner),
    ...state,
    errorCode: winner.errorCode ?? null,
    errorMessage: winner.errorMessage ?? null,
    bounceType: winner.bounceType ?? null,
    bounceSubType: winner.bounceSubType ?? null,
  };
}

/** The part of a derived state the oracle speaks for (drops lib/status's own bookkeeping). */
export function visibleState(state: OracleState): OracleState {
  const {
    status,
    statusRank,
    statusAt,
    sentAt,
    deliveredAt,
    failedAt,
    bouncedAt,
    complainedAt,
    firstOpenedAt,
    firstClickedAt,
    openCount,
    clickCount,
    errorCode,
    errorMessage,
    bounceType,
    bounceSubType,
  } = state;
  return {
    status,
    statusRank,
    statusAt,
    sentAt,
    deliveredAt,
    failedAt,
    bouncedAt,
    complainedAt,
    firstOpenedAt,
    firstClickedAt,
    openCount,
    clickCount,
    errorCode,
    errorMessage,
    bounceType,
    bounceSubType,
  };
}
