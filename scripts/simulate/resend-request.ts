// A Resend email event as Svix delivers it (docs/providers.md): JSON `{type, created_at, data}` with
// data.email_id, signed by standardwebhooks over `${svix-id}.${svix-timestamp}.${body}` with the
// base64-decoded whsec_ secret, sent as svix-id / svix-timestamp / svix-signature (`v1,<base64>`).
import { Webhook } from "standardwebhooks";
import type { SimEvent } from "./plan";
import type { HttpRequest } from "./send";

export interface ResendContext {
  /** The whsec_ secret, as configured. */
  secret: string;
  /** new Webhook(secret), built once: the key is decoded once, not per request. */
  webhook: Webhook;
  targetUrl: string;
  from: string;
}

export const JSON_CONTENT_TYPE = "application/json";

export function resendPayload(event: SimEvent, from: string): Record<string, unknown> {
  const { message, status, extras } = event;
  if (message.provider !== "resend") throw new Error("not a Resend event");
  const data: Record<string, unknown> = {};
  if (message.broadcastId) data.broadcast_id = message.broadcastId;
  Object.assign(data, {
    created_at: message.createdAt.toISOString(),
    email_id: message.externalId,
    message_id: message.rfcMessageId,
    from,
    to: [message.recipient],
    subject: message.subject,
  });
  if (extras?.bounce) data.bounce = { ...extras.bounce };
  if (extras?.click) {
    const { ipAddress, link, userAgent, leadMs } = extras.click;
    data.click = {
      ipAddress,
      link,
      timestamp: new Date(event.at.getTime() - leadMs).toISOString(),
      userAgent,
    };
  }
  if (extras?.failed) data.failed = { ...extras.failed };
  if (extras?.suppressed) data.suppressed = { ...extras.suppressed };
  data.tags = { ...message.tags };
  return { type: status, created_at: event.at.toISOString(), data };
}

export function resendHeaders(
  svixId: string,
  signedAt: Date,
  signature: string,
  contentType = JSON_CONTENT_TYPE,
): Record<string, string> {
  return {
    "content-type": contentType,
    "svix-id": svixId,
    "svix-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
    "svix-signature": signature,
    "user-agent": "Svix-Webhooks/1.62.0",
    accept: "*/*",
  };
}

/** `body` may be given to sign exact bytes (bad requests); by default the event's payload is serialised. */
export function signedResendRequest(
  event: SimEvent,
  ctx: Pick<ResendContext, "webhook" | "targetUrl" | "from">,
  signedAt: Date,
  body = JSON.stringify(resendPayload(event, ctx.from)),
  svixId = event.deliveryId,
): HttpRequest {
  return {
    provider: "resend",
    url: ctx.targetUrl,
    headers: resendHeaders(svixId, signedAt, ctx.webhook.sign(svixId, signedAt, body)),
    body,
  };
}
