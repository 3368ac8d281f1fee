// Turns a verified status callback into the shared event shape. Twilio adds parameters without notice,
// so only the fields we use are validated and everything else is kept in `details`.
import { z } from "zod";
import type { IgnoredEvent, NormalizedEvent, ParseResult } from "../types";
import { parseRawDlrDoneDate } from "./dlr-date";
import type { FormParams } from "./form";
import { INBOUND_STATUSES, TWILIO_MESSAGE_STATUSES } from "./statuses";

export interface TwilioParseOptions {
  /** I-Twilio-Idempotency-Token, when sent. */
  deliveryId: string | null;
  /** TWILIO_ACCOUNT_SID; when set, callbacks for any other account are rejected. */
  expectedAccountSid: string | null;
  /** Our message id from the callback URL's `message_id` query parameter. */
  embeddedMessageId: string | null;
}

const text = z.string().optional();

const callbackSchema = z.object({
  MessageSid: z.string({
    error: (issue) => (issue.input === undefined ? "MessageSid (or SmsSid) is required" : undefined),
  }),
  MessageStatus: z.enum(TWILIO_MESSAGE_STATUSES, {
    error: (issue) =>
      issue.input === undefined
        ? "MessageStatus (or SmsStatus) is required"
        : `unknown message status ${JSON.stringify(issue.input)}`,
  }),
  To: text,
  From: text,
  AccountSid: text,
  MessagingServiceSid: text,
  ErrorCode: text,
  ErrorMessage: text,
  RawDlrDoneDate: text,
  ApiVersion: text,
});

/** Keys that become fields of the event; the rest of the callback goes to `details`. */
const PROMOTED = new Set(["MessageSid", "MessageStatus", "To", "From", "ErrorCode", "ErrorMessage"]);

/** The first of the names that carries a non-empty value (modern name first, legacy Sms* second). */
function pick(params: FormParams, ...names: string[]): string | string[] | undefined {
  const name = names.find((key) => Object.hasOwn(params, key) && params[key] !== "");
  return name === undefined ? undefined : params[name];
}

function blankToNull(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

function buildDetails(params: FormParams, sid: string, status: string): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (PROMOTED.has(key)) continue;
    if ((key === "SmsSid" && value === sid) || (key === "SmsStatus" && value === status)) continue;
    details[key] = value;
  }
  const dlrDoneAt = parseRawDlrDoneDate(
    typeof params.RawDlrDoneDate === "string" ? params.RawDlrDoneDate : undefined,
  );
  if (dlrDoneAt) details.rawDlrDoneDateUtc = dlrDoneAt; // read as UTC: Twilio sends no zone
  return details;
}

export function parseTwilioCallback(params: FormParams, options: TwilioParseOptions): ParseResult {
  const parsed = callbackSchema.safeParse({
    ...params,
    MessageSid: pick(params, "MessageSid", "SmsSid"),
    MessageStatus: pick(params, "MessageStatus", "SmsStatus"),
  });
  if (!parsed.success) {
    return {
      ok: false,
      reason: "not a valid Twilio message status callback",
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    };
  }
  const callback = parsed.data;
  const sid = callback.MessageSid;
  const status = callback.MessageStatus;

  if (options.expectedAccountSid && callback.AccountSid !== options.expectedAccountSid) {
    const message = callback.AccountSid
      ? `AccountSid ${callback.AccountSid} is not the configured Twilio account`
      : "AccountSid is missing but a Twilio account is configured";
    return { ok: false, reason: message, issues: [{ path: "AccountSid", message }] };
  }

  if (INBOUND_STATUSES.has(status)) {
    const ignored: IgnoredEvent = {
      kind: "ignored",
      provider: "twilio",
      eventType: status,
      externalId: sid,
      deliveryId: options.deliveryId,
      reason: "inbound message status",
    };
    return { ok: true, event: ignored };
  }

  const errorCode = blankToNull(callback.ErrorCode);
  const event: NormalizedEvent = {
    kind: "status",
    provider: "twilio",
    channel: "sms",
    eventType: status,
    status,
    externalId: sid,
    deliveryId: options.deliveryId,
    effectKey: `${sid}:${status}:${errorCode ?? ""}`,
    occurredAt: null,
    recipient: blankToNull(callback.To),
    sender: blankToNull(callback.From),
    subject: null,
    errorCode,
    errorMessage: blankToNull(callback.ErrorMessage),
    bounce: null,
    click: null,
    tags: {},
    embeddedMessageId: options.embeddedMessageId,
    details: buildDetails(params, sid, status),
  };
  return { ok: true, event };
}
