// Bad requests built from a real event: what a forger, a replayer, a misconfigured proxy or a sender
// following a made-up signing scheme would send. Each must be refused; see bad-kinds.ts.
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { BadKind } from "./bad-kinds";
import type { SimEvent } from "./plan";
import { JSON_CONTENT_TYPE, resendPayload, signedResendRequest, type ResendContext } from "./resend-request";
import type { HttpRequest } from "./send";
import {
  encodeForm,
  FORM_CONTENT_TYPE,
  twilioHeaders,
  twilioParams,
  twilioSignature,
  type TwilioContext,
} from "./twilio-request";

export interface BadRequestInput {
  event: SimEvent;
  kind: BadKind;
  /** A fresh delivery id: a bad request is never a redelivery of a good one. */
  deliveryId: string;
  /** Seeded random hex: the wrong secrets are derived from it. */
  salt: string;
}

/** How far back a stale Svix timestamp is: twice the 300 s tolerance. */
export const STALE_SECONDS = 600;

const sha256Hex = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

/** Another status than the one signed, so the tampering changes the meaning, not just a byte. */
function otherStatus(status: string, provider: "twilio" | "resend"): string {
  if (provider === "twilio") return status === "delivered" ? "failed" : "delivered";
  return status === "email.delivered" ? "email.complained" : "email.delivered";
}

export function badTwilioRequest(
  { event, kind, deliveryId, salt }: BadRequestInput,
  ctx: TwilioContext,
): HttpRequest {
  const params = twilioParams(event, ctx);
  const request = (signature: string, body: string, contentType = FORM_CONTENT_TYPE): HttpRequest => ({
    provider: "twilio",
    url: ctx.targetUrl,
    headers: twilioHeaders(signature, deliveryId, contentType),
    body,
  });
  const signed = (url = ctx.publicUrl, token = ctx.authToken) => twilioSignature(token, url, params);
  switch (kind) {
    case "tampered-body": {
      const signature = signed();
      const status = otherStatus(event.status, "twilio");
      return request(signature, encodeForm({ ...params, SmsStatus: status, MessageStatus: status }));
    }
    case "wrong-secret":
      return request(signed(ctx.publicUrl, salt), encodeForm(params));
    case "sha256-scheme": {
      const body = encodeForm(params);
      return request("sha256=" + sha256Hex(ctx.authToken, body), body);
    }
    case "wrong-url": {
      const url = new URL(ctx.publicUrl);
      url.protocol = url.protocol === "https:" ? "http:" : "https:";
      return request(signed(url.toString()), encodeForm(params));
    }
    case "malformed-payload": {
      const rest = Object.fromEntries(
        Object.entries(params).filter(([key]) => key !== "MessageStatus" && key !== "SmsStatus"),
      );
      return request(twilioSignature(ctx.authToken, ctx.publicUrl, rest), encodeForm(rest));
    }
    case "wrong-content-type":
      return request(signed(), encodeForm(params), JSON_CONTENT_TYPE);
    case "stale-timestamp":
      throw new Error("Twilio signs no timestamp: stale-timestamp is a Resend bad request");
  }
}

export function badResendRequest(
  { event, kind, deliveryId, salt }: BadRequestInput,
  ctx: ResendContext,
  now: Date,
): HttpRequest {
  const body = JSON.stringify(resendPayload(event, ctx.from));
  const signed = (payload = body, webhook = ctx.webhook, at = now) =>
    signedResendRequest(event, { ...ctx, webhook }, at, payload, deliveryId);
  switch (kind) {
    case "tampered-body": {
      const request = signed();
      const tampered = body.replace(
        `"type":"${event.status}"`,
        `"type":"${otherStatus(event.status, "resend")}"`,
      );
      return { ...request, body: tampered };
    }
    case "wrong-secret":
      return signed(body, new Webhook("whsec_" + Buffer.from(salt, "hex").toString("base64")));
    case "sha256-scheme":
      // The notes key the HMAC with the secret as text, over the raw body, in hex, in their own header.
      return {
        provider: "resend",
        url: ctx.targetUrl,
        body,
        headers: {
          "content-type": JSON_CONTENT_TYPE,
          "resend-signature": "sha256=" + sha256Hex(ctx.secret, body),
        },
      };
    case "stale-timestamp":
      return signed(body, ctx.webhook, new Date(now.getTime() - STALE_SECONDS * 1000));
    case "malformed-payload":
      return signed(body.slice(0, -12));
    case "wrong-content-type": {
      const request = signed();
      return { ...request, headers: { ...request.headers, "content-type": FORM_CONTENT_TYPE } };
    }
    case "wrong-url":
      throw new Error("Resend does not sign the URL: wrong-url is a Twilio bad request");
  }
}
