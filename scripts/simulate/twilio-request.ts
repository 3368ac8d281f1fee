// A Twilio SMS status callback as Twilio sends it (docs/providers.md): form-encoded, PascalCase, signed by
// the official helper over the PUBLIC URL plus the sorted params (HMAC-SHA1, base64, X-Twilio-Signature).
// The webhooks module is the one `twilio.getExpectedTwilioSignature` re-exports; importing it alone
// spares each run the ~0.4 s of loading the whole REST client.
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import type { SimEvent } from "./plan";
import type { HttpRequest } from "./send";

export interface TwilioContext {
  authToken: string;
  /** The URL the server checks the signature against (WEBHOOK_BASE_URL + TWILIO_WEBHOOK_URL). */
  publicUrl: string;
  /** Where the request is sent. */
  targetUrl: string;
  accountSid: string;
  from: string;
}

export type TwilioParams = Record<string, string>;

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/** `YYMMDDhhmm`, minute precision, no zone: how carriers' receipts are passed through. */
export function rawDlrDoneDate(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    two(at.getUTCFullYear() % 100) +
    two(at.getUTCMonth() + 1) +
    two(at.getUTCDate()) +
    two(at.getUTCHours()) +
    two(at.getUTCMinutes())
  );
}

/** The callback's parameters, in the order Twilio tends to send them (the signature sorts them anyway). */
export function twilioParams(event: SimEvent, ctx: Pick<TwilioContext, "accountSid" | "from">): TwilioParams {
  const { message, status } = event;
  if (message.provider !== "twilio") throw new Error("not a Twilio event");
  const params: TwilioParams = {};
  if ((status === "undelivered" || status === "failed") && message.errorCode)
    params.ErrorCode = message.errorCode;
  if (status === "delivered" || status === "undelivered") params.RawDlrDoneDate = rawDlrDoneDate(event.at);
  params.SmsSid = message.externalId;
  params.SmsStatus = status;
  params.MessageStatus = status;
  params.To = message.recipient;
  if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
  params.MessageSid = message.externalId;
  params.AccountSid = ctx.accountSid;
  params.From = ctx.from;
  params.ApiVersion = "2010-04-01";
  return params;
}

export function encodeForm(params: TwilioParams): string {
  return new URLSearchParams(params).toString();
}

export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  return getExpectedTwilioSignature(authToken, url, params);
}

export function twilioHeaders(
  signature: string,
  deliveryId: string,
  contentType = FORM_CONTENT_TYPE,
): Record<string, string> {
  return {
    "content-type": contentType,
    "x-twilio-signature": signature,
    "i-twilio-idempotency-token": deliveryId,
    "user-agent": "TwilioProxy/1.1",
    accept: "*/*",
  };
}

export function signedTwilioRequest(event: SimEvent, ctx: TwilioContext): HttpRequest {
  const params = twilioParams(event, ctx);
  return {
    provider: "twilio",
    url: ctx.targetUrl,
    headers: twilioHeaders(twilioSignature(ctx.authToken, ctx.publicUrl, params), event.deliveryId),
    body: encodeForm(params),
  };
}
