// Traffic for the overview's end-to-end tests, as a sender and the providers make it: messages registered
// through the sender API, then Twilio callbacks and Resend events signed with the official libraries
// (twilio, standardwebhooks) over the server's public URLs and its test secrets.
import { randomBytes, randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import twilio from "twilio";
import { encodeForm, resendEmailEvent, twilioStatusParams } from "../../test/support/webhook-requests";
import { BASE_URL, TEST_SECRETS } from "./test-env";

const auth = { authorization: `Bearer ${TEST_SECRETS.API_KEY}` };

export const newSid = () => "SM" + randomBytes(16).toString("hex");
export const newPhone = () => `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

export async function registerMessages(
  request: APIRequestContext,
  messages: Array<{
    channel: "sms" | "email";
    to: string;
    campaign: string;
    externalId: string;
    sentAt: string;
  }>,
): Promise<void> {
  const r = await request.post(`${BASE_URL}/api/messages/batch`, { headers: auth, data: { messages } });
  expect(r.status()).toBe(200);
  expect((await r.json()).failed).toBe(0);
}

export async function postSms(
  request: APIRequestContext,
  sms: { sid: string; to: string; status: string; errorCode?: string },
): Promise<string> {
  const url = `${BASE_URL}/webhooks/twilio`;
  const params = twilioStatusParams({
    MessageSid: sms.sid,
    MessageStatus: sms.status,
    To: sms.to,
    ...(sms.errorCode ? { ErrorCode: sms.errorCode } : {}),
  }) as Record<string, string>;
  const r = await request.post(url, {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TEST_SECRETS.TWILIO_AUTH_TOKEN, url, params),
      "i-twilio-idempotency-token": randomUUID(),
    },
    data: encodeForm(params),
  });
  expect(r.status()).toBe(200);
  return (await r.json()).outcome;
}

export async function postEmail(
  request: APIRequestContext,
  email: { emailId: string; to: string; type: string; data?: Record<string, unknown> },
): Promise<string> {
  const body = JSON.stringify(
    resendEmailEvent(`email.${email.type}`, {
      emailId: email.emailId,
      data: { to: [email.to], ...email.data },
    }),
  );
  const id = "msg_" + randomBytes(14).toString("base64url");
  const at = new Date();
  const signature = new Webhook(TEST_SECRETS.RESEND_WEBHOOK_SECRET).sign(id, at, body);
  const r = await request.post(`${BASE_URL}/webhooks/resend`, {
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
    data: body,
  });
  expect(r.status()).toBe(200);
  return (await r.json()).outcome;
}

export async function metricsSummary(request: APIRequestContext, query: string) {
  const r = await request.get(`${BASE_URL}/api/metrics/summary?${query}`, { headers: auth });
  expect(r.status()).toBe(200);
  return r.json();
}
