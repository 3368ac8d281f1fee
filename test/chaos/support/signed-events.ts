// Webhooks exactly as the providers send them, signed inside the test with the providers' official libraries
// (through test/support/webhook-requests.ts), each a distinct event so that what the load generator was told
// ("acknowledged, requestId …") can be looked up afterwards, one row per acknowledgement.
import { randomUUID } from "node:crypto";
import {
  buildResendRequest,
  buildTwilioRequest,
  resendEmailEvent,
  svixId,
  twilioMessageSid,
  twilioStatusParams,
  type BuiltRequest,
} from "../../support/webhook-requests";
import type { RawRequest } from "./http";

export interface SignedEvent {
  provider: "twilio" | "resend";
  request: RawRequest;
  /** The provider's id for the message (MessageSid, email_id). */
  externalId: string;
  /** The delivery identity the server deduplicates on (idempotency token, svix-id). */
  deliveryId: string;
}

/** A builder's URL + RequestInit as a raw request (path + headers + body). */
export function toRawRequest({ url, init }: BuiltRequest): RawRequest {
  const { pathname, search } = new URL(url);
  return { method: init.method, path: pathname + search, headers: { ...init.headers }, body: init.body };
}

const TWILIO_STATUSES = ["sent", "delivered", "undelivered", "failed"] as const;
const RESEND_TYPES = ["email.sent", "email.delivered", "email.opened", "email.bounced"] as const;

/** A signed Twilio status callback for a fresh message. */
export function signedTwilioEvent(n: number, overrides: Record<string, string> = {}): SignedEvent {
  const sid = twilioMessageSid();
  const deliveryId = `chaos-${randomUUID()}`;
  const status = TWILIO_STATUSES[n % TWILIO_STATUSES.length];
  const params = twilioStatusParams({
    MessageSid: sid,
    MessageStatus: status,
    ...(status === "undelivered" || status === "failed" ? { ErrorCode: "30003" } : {}),
    ...overrides,
  });
  return {
    provider: "twilio",
    request: toRawRequest(buildTwilioRequest({ params, idempotencyToken: deliveryId })),
    externalId: sid,
    deliveryId,
  };
}

/** A signed Resend email event for a fresh email. */
export function signedResendEvent(n: number): SignedEvent {
  const emailId = randomUUID();
  const id = svixId();
  const type = RESEND_TYPES[n % RESEND_TYPES.length];
  const data =
    type === "email.bounced"
      ? { bounce: { message: "550 5.1.1 no such user", type: "Permanent", subType: "General" } }
      : {};
  return {
    provider: "resend",
    request: toRawRequest(buildResendRequest({ payload: resendEmailEvent(type, { emailId, data }), id })),
    externalId: emailId,
    deliveryId: id,
  };
}

/** Alternates providers: even n Twilio, odd n Resend. */
export function signedEvent(n: number): SignedEvent {
  return n % 2 === 0 ? signedTwilioEvent(n) : signedResendEvent(n);
}
