// Shapes of the status layer. Pure data: no Prisma types, so the rules can be tested without a database.
export type { Channel } from "@/lib/providers/types";

/** One stored status or engagement event of one message, as the derivation needs it. */
export interface StatusEvent {
  /** Provider status name: Twilio MessageStatus, or Resend type without "email.". */
  status: string;
  /** Provider event time (Resend created_at); null for Twilio, which sends none. */
  occurredAt: Date | null;
  /** Identity of the delivery: svix-id, Twilio idempotency token (or our effect key). Copies share it. */
  deliveryId: string;
  /** When our endpoint received it; the only time an SMS event has. */
  receivedAt?: Date;
  errorCode?: string | null;
  errorMessage?: string | null;
  bounceType?: string | null;
  bounceSubType?: string | null;
}

/**
 * The delivery-status event that currently decides the status. Kept whole so that a later event can be
 * compared with it (rank, then occurredAt, then precedence, then deliveryId) without reading history.
 */
export interface WinningEvent {
  status: string;
  occurredAt: Date | null;
  deliveryId: string;
  /** occurredAt, else receivedAt: the time shown as statusAt. */
  at: Date | null;
  errorCode: string | null;
  errorMessage: string | null;
  bounceType: string | null;
  bounceSubType: string | null;
}

/**
 * What applyEvent needs beyond the visible fields. Persist it with the message (e.g. a JSON column)
 * to fold new events in without reloading the timeline.
 */
export interface StatusBasis {
  winner: WinningEvent | null;
  /** Earliest known time of a "delivered" event. */
  reportedDeliveredAt: Date | null;
  /** An open, click, complaint (email) or read receipt (SMS) was seen: the message did arrive. */
  deliveryImplied: boolean;
  /** Earliest known time of such an event. */
  impliedDeliveredAt: Date | null;
}

export interface MessageState {
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
  basis: StatusBasis;
}
