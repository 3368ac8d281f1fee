// Pre-built, correctly signed, DISTINCT webhook requests, as the providers send them (the same signing as
// test/support/webhook-requests.ts: the official twilio helper and standardwebhooks). Each request is a new
// delivery (own idempotency token / svix-id) and a new effect (own MessageSid+status / svix-id), so nothing
// is answered as a duplicate. The callbacks are for messages registered beforehand (the real path: the
// event is matched, the message's status and the counters move): `sent`, then `delivered`, per message.
import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import twilio from "twilio";
import { BENCH_SECRETS } from "./env";

export type Provider = "twilio" | "resend";

/** One HTTP request as autocannon (and the paced sender) send it. */
export interface WireRequest {
  method: "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A message to register (POST /api/messages/batch) so the callbacks for it match. */
export interface MessageToRegister {
  channel: "sms" | "email";
  to: string;
  from?: string;
  provider: Provider;
  externalId: string;
  campaign: string;
}

export const TWILIO_PATH = "/webhooks/twilio";
export const RESEND_PATH = "/webhooks/resend";
export const NOOP_PATH = "/bench/noop";
const FORM = "application/x-www-form-urlencoded";
const CAMPAIGN = "bench";
/** Messages per block: a block's `sent` callbacks go first, then its `delivered` ones. */
const BLOCK = 500;

const formEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");
const encodeForm = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`)
    .join("&");

let serial = 0;
/** A distinct E.164 number per message (+1 415 2xx xxxx). */
function phone(): string {
  serial = (serial + 1) % 10_000_000;
  return `+1415${String(2_000_000 + serial).padStart(7, "0")}`;
}

const twilioSid = () => "SM" + randomBytes(16).toString("hex");
const accountSid = "AC" + "be4c".repeat(8);

function twilioCallback(baseUrl: string, sid: string, to: string, status: string): WireRequest {
  const params: Record<string, string> = {
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
    AccountSid: accountSid,
    From: "+14155550199",
    To: to,
    ApiVersion: "2010-04-01",
  };
  // Twilio signs the public URL it called (WEBHOOK_BASE_URL + path) and the sorted form parameters.
  const signature = twilio.getExpectedTwilioSignature(
    BENCH_SECRETS.TWILIO_AUTH_TOKEN,
    baseUrl + TWILIO_PATH,
    params,
  );
  return {
    method: "POST",
    path: TWILIO_PATH,
    headers: {
      "content-type": FORM,
      "x-twilio-signature": signature,
      "i-twilio-idempotency-token": `bench-${randomUUID()}`,
    },
    body: encodeForm(params),
  };
}

const resendWebhook = new Webhook(BENCH_SECRETS.RESEND_WEBHOOK_SECRET);

function resendEvent(emailId: string, to: string, type: string): WireRequest {
  const now = new Date();
  const body = JSON.stringify({
    type,
    created_at: now.toISOString(),
    data: {
      created_at: now.toISOString(),
      email_id: emailId,
      message_id: `<${randomUUID()}@bench.example.com>`,
      from: "Bench <bench@example.com>",
      to: [to],
      subject: "Signalboard bench",
      tags: { category: CAMPAIGN },
    },
  });
  const id = "msg_" + randomBytes(14).toString("base64url");
  // Svix / Standard Webhooks: HMAC-SHA256 over `${id}.${timestamp}.${body}`; checked within 5 minutes.
  return {
    method: "POST",
    path: RESEND_PATH,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
      "svix-signature": resendWebhook.sign(id, now, body),
    },
    body,
  };
}

export interface Traffic {
  provider: Provider;
  messages: MessageToRegister[];
  requests: WireRequest[];
}

/**
 * `count` distinct signed callbacks (two per message: sent, delivered) for messages to register first.
 * Twilio signs the URL: build the traffic for the server (baseUrl = its WEBHOOK_BASE_URL) it is sent to.
 */
export function buildTraffic(provider: Provider, baseUrl: string, count: number): Traffic {
  const messages: MessageToRegister[] = [];
  const requests: WireRequest[] = [];
  const total = Math.ceil(count / 2);
  for (let start = 0; start < total; start += BLOCK) {
    const block: MessageToRegister[] = [];
    for (let i = start; i < Math.min(total, start + BLOCK); i++) {
      block.push(
        provider === "twilio"
          ? {
              channel: "sms",
              to: phone(),
              from: "+14155550199",
              provider,
              externalId: twilioSid(),
              campaign: CAMPAIGN,
            }
          : {
              channel: "email",
              to: `bench-${randomUUID().slice(0, 8)}@example.com`,
              provider,
              externalId: randomUUID(),
              campaign: CAMPAIGN,
            },
      );
    }
    const statuses = provider === "twilio" ? ["sent", "delivered"] : ["email.sent", "email.delivered"];
    for (const status of statuses) {
      for (const m of block) {
        requests.push(
          provider === "twilio"
            ? twilioCallback(baseUrl, m.externalId, m.to, status)
            : resendEvent(m.externalId, m.to, status),
        );
      }
    }
    messages.push(...block);
  }
  return { provider, messages, requests: requests.slice(0, count) };
}

/** A callback for a message nobody registered (answered 200 "unmatched"): used only if a pool runs dry. */
export function unmatchedRequest(provider: Provider, baseUrl: string): WireRequest {
  return provider === "twilio"
    ? twilioCallback(baseUrl, twilioSid(), phone(), "delivered")
    : resendEvent(randomUUID(), `bench-${randomUUID().slice(0, 8)}@example.com`, "email.delivered");
}

/** The no-op baseline: the same body size and content type as a Twilio callback, to /bench/noop. */
export function noopRequest(baseUrl: string): WireRequest {
  const sample = twilioCallback(baseUrl, twilioSid(), phone(), "delivered");
  return { ...sample, path: NOOP_PATH };
}

/** Hands out a pre-built pool once each; past its end, builds unmatched requests on the fly (and counts them). */
export class Feeder {
  private index = 0;
  overflow = 0;

  constructor(
    private readonly pool: WireRequest[],
    private readonly provider: Provider,
    private readonly baseUrl: string,
  ) {}

  next(): WireRequest {
    if (this.index < this.pool.length) return this.pool[this.index++];
    this.overflow++;
    return unmatchedRequest(this.provider, this.baseUrl);
  }

  get used(): number {
    return this.index + this.overflow;
  }
}
