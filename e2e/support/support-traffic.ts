// What the support pages' end-to-end tests send to a running server: messages registered through the API
// with the test key, and provider webhooks signed with the official libraries (test/support's builders)
// and the secrets the server verifies with (test-env.ts).
import { randomUUID } from "node:crypto";
import {
  buildResendRequest,
  buildTwilioRequest,
  resendEmailEvent,
  twilioStatusParams,
} from "../../test/support/webhook-requests";
import { TEST_SECRETS } from "./test-env";

export interface WebhookAnswer {
  status: number;
  outcome: string;
  requestId: string;
}

export class SupportTraffic {
  constructor(readonly baseUrl: string) {}

  async api<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(this.baseUrl + path, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${TEST_SECRETS.API_KEY}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Registers a message; throws unless the API created it. */
  async register(message: Record<string, unknown>): Promise<{ id: string }> {
    const r = await this.api<{ id: string }>("/api/messages", message);
    if (r.status !== 201) throw new Error(`register answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** A Twilio status callback, signed over the public URL the server checks (its WEBHOOK_BASE_URL). */
  async sms(cb: {
    sid: string;
    status: string;
    to: string;
    from?: string;
    errorCode?: string;
    /** I-Twilio-Idempotency-Token: the same token again is a redelivery. */
    token?: string;
  }): Promise<WebhookAnswer> {
    const params = twilioStatusParams({
      MessageSid: cb.sid,
      MessageStatus: cb.status,
      To: cb.to,
      From: cb.from ?? "+14155550199",
      ...(cb.errorCode ? { ErrorCode: cb.errorCode } : {}),
    });
    const built = buildTwilioRequest({
      params,
      authToken: TEST_SECRETS.TWILIO_AUTH_TOKEN,
      signedUrl: `${this.baseUrl}/webhooks/twilio`,
      origin: this.baseUrl,
      idempotencyToken: cb.token ?? `idem-${randomUUID()}`,
    });
    return this.send(built.url, built.init);
  }

  /** A Resend email event, signed with standardwebhooks (svix-id is the delivery id). */
  async email(e: {
    emailId: string;
    type: string;
    to: string;
    createdAt?: Date;
    data?: Record<string, unknown>;
    svixId?: string;
  }): Promise<WebhookAnswer> {
    const payload = resendEmailEvent(`email.${e.type}`, {
      emailId: e.emailId,
      createdAt: (e.createdAt ?? new Date()).toISOString(),
      data: { to: [e.to], ...e.data },
    });
    const built = buildResendRequest({
      payload,
      secret: TEST_SECRETS.RESEND_WEBHOOK_SECRET,
      origin: this.baseUrl,
      id: e.svixId,
    });
    return this.send(built.url, built.init);
  }

  private async send(url: string, init: RequestInit): Promise<WebhookAnswer> {
    const response = await fetch(url, init);
    const body = (await response.json()) as { outcome?: string; requestId: string };
    if (response.status !== 200)
      throw new Error(`webhook answered ${response.status}: ${JSON.stringify(body)}`);
    return { status: response.status, outcome: body.outcome ?? "", requestId: body.requestId };
  }
}

export const newSid = () => "SM" + randomUUID().replace(/-/g, "");
let counter = 0;
/** A fresh valid US number per call (415-2xx-xxxx), so tests never share a recipient. */
export function newUsPhone(): string {
  counter += 1;
  const n = (Date.now() % 1_000_000) * 10 + (counter % 10);
  return `+1415${String(2_000_000 + (n % 8_000_000)).padStart(7, "0")}`;
}
