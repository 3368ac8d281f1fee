// The shapes every provider module produces: the ingest service never sees a raw payload.

/** The providers Signalboard accepts webhooks from; each has its folder and an entry in ./registry.ts. */
export const PROVIDERS = ["twilio", "resend"] as const;
export type Provider = (typeof PROVIDERS)[number];
export type Channel = "sms" | "email";

/** Outcome of checking a request's signature with the provider's official helper. */
export type VerificationResult =
  | { ok: true; verified: true; secretIndex: number }
  | { ok: true; verified: false } // verification disabled (development/tests only)
  | {
      ok: false;
      /** Plain-words reason stored on the request row, never sent to the caller. */
      reason: string;
      /** Facts that help a developer fix the cause (checked URL, timestamp skew, ...). No secrets. */
      diagnosis: Record<string, unknown>;
    };

export interface BounceDetails {
  type: string | null; // Resend: "Permanent" | "Temporary" | ...
  subType: string | null;
  message: string | null;
}

export interface ClickDetails {
  link: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  timestamp: string | null;
}

/** One status or engagement fact about one provider message. */
export interface NormalizedEvent {
  kind: "status";
  provider: Provider;
  channel: Channel;
  /** The provider's own event name: Twilio MessageStatus ("delivered"), Resend type ("email.delivered"). */
  eventType: string;
  /** Status name used by the message layer: Twilio status as sent; Resend type without "email." */
  status: string;
  /** Provider id of the message: Twilio MessageSid, Resend data.email_id (or data.id). */
  externalId: string;
  /** Identity of the delivery (retries share it): svix-id, or I-Twilio-Idempotency-Token when present. */
  deliveryId: string | null;
  /** Identity of the effect: svix-id for Resend; MessageSid:status:ErrorCode for Twilio. */
  effectKey: string;
  /** Provider event time (Resend created_at); null for Twilio, which sends none. */
  occurredAt: Date | null;
  recipient: string | null;
  sender: string | null;
  subject: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  bounce: BounceDetails | null;
  click: ClickDetails | null;
  tags: Record<string, string>;
  /** Our own message id when it travelled with the send (Twilio `message_id` query param, Resend `message_id` tag). */
  embeddedMessageId: string | null;
  /** Everything else the provider sent that is worth keeping (unknown params included). */
  details: Record<string, unknown>;
}

/** A verified request we acknowledge and record but do not track (contact.*, domain.*, inbound SMS...). */
export interface IgnoredEvent {
  kind: "ignored";
  provider: Provider;
  eventType: string;
  externalId: string | null;
  deliveryId: string | null;
  reason: string;
}

export type ParsedWebhook = NormalizedEvent | IgnoredEvent;

/** Result of turning a verified body into an event. */
export type ParseResult =
  | { ok: true; event: ParsedWebhook }
  | { ok: false; reason: string; issues: Array<{ path: string; message: string }> };
