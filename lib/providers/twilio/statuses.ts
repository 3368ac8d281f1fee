// MessageStatus values from the twilio SDK enum (rest/api/v2010/account/message): the full list, so a
// real status is never rejected as unknown.
export const TWILIO_MESSAGE_STATUSES = [
  "queued",
  "sending",
  "sent",
  "failed",
  "delivered",
  "undelivered",
  "receiving",
  "received",
  "accepted",
  "scheduled",
  "read",
  "partially_delivered",
  "canceled",
] as const;

export type TwilioMessageStatus = (typeof TWILIO_MESSAGE_STATUSES)[number];

/** Statuses of incoming messages: acknowledged and recorded, but not outbound delivery facts. */
export const INBOUND_STATUSES: ReadonlySet<TwilioMessageStatus> = new Set(["receiving", "received"]);
