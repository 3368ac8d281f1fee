// The simulator's requests verify with the official libraries (and with the server's own verifiers),
// over the PUBLIC URL, not the target's; redeliveries are byte-for-byte the original request.
import twilio from "twilio";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import { describe, expect, it } from "vitest";
import { parseResendEvent, verifyResendSignature } from "../../lib/providers/resend";
import { parseForm, parseTwilioCallback, verifyTwilioSignature } from "../../lib/providers/twilio";
import { buildPlan, type PlanItem } from "./plan";
import { requestFactory } from "./requests";
import {
  AUTH_TOKEN,
  NOW,
  officialResendCheck,
  officialTwilioCheck,
  planInput,
  PUBLIC_TWILIO,
  RESEND_SECRET,
  testContexts,
  testSettings,
} from "./test-fixtures";

function buildAll(items: PlanItem["kind"][] = ["event"]) {
  const plan = buildPlan(planInput({ now: new Date(), duplicates: 0.2 }));
  const build = requestFactory(plan, testContexts());
  return plan.items.flatMap((item, index) =>
    items.includes(item.kind) ? [{ item, request: build(index) }] : [],
  );
}

describe("signed requests", () => {
  it("sign with the very function twilio.getExpectedTwilioSignature is (imported without the REST client)", () => {
    expect(getExpectedTwilioSignature).toBe(twilio.getExpectedTwilioSignature);
  });

  it("Twilio: verify with twilio.validateRequest over the public URL, not the target URL", () => {
    const twilioRequests = buildAll().filter(({ request }) => request.provider === "twilio");
    expect(twilioRequests.length).toBeGreaterThan(20);
    for (const { request } of twilioRequests) {
      expect(request.url).toBe("http://127.0.0.1:3123/webhooks/twilio");
      expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(officialTwilioCheck(request)).toBe(true);
      expect(officialTwilioCheck(request, request.url)).toBe(false);
      expect(request.headers["i-twilio-idempotency-token"]).toBeTruthy();
    }
  });

  it("Twilio: the server's own verifier and parser accept them, with the callback's fields", () => {
    for (const { item, request } of buildAll().filter(({ request }) => request.provider === "twilio")) {
      const params = parseForm(request.body);
      const verification = verifyTwilioSignature({
        authTokens: [AUTH_TOKEN],
        signature: request.headers["x-twilio-signature"],
        signatureSettings: null,
        publicUrl: PUBLIC_TWILIO,
        params,
        rawBody: request.body,
        contentType: request.headers["content-type"],
      });
      expect(verification.ok).toBe(true);
      const parsed = parseTwilioCallback(params, {
        deliveryId: null,
        expectedAccountSid: null,
        embeddedMessageId: null,
      });
      expect(parsed.ok).toBe(true);
      const status = item.event.status;
      expect(params).toMatchObject({
        MessageSid: item.event.message.externalId,
        SmsSid: item.event.message.externalId,
        MessageStatus: status,
        SmsStatus: status,
        ApiVersion: "2010-04-01",
        From: "+14155550100",
      });
      expect(params.AccountSid).toMatch(/^AC[0-9a-f]{32}$/);
      expect("ErrorCode" in params).toBe(status === "undelivered" || status === "failed");
      expect("RawDlrDoneDate" in params).toBe(status === "delivered" || status === "undelivered");
      if ("RawDlrDoneDate" in params) expect(params.RawDlrDoneDate).toMatch(/^\d{10}$/);
    }
  });

  it("Resend: verify with standardwebhooks Webhook.verify and parse as the documented shape", () => {
    const resendRequests = buildAll().filter(({ request }) => request.provider === "resend");
    expect(resendRequests.length).toBeGreaterThan(20);
    for (const { item, request } of resendRequests) {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["svix-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(officialResendCheck(request)).toBe(true);
      const server = verifyResendSignature({
        secrets: [RESEND_SECRET],
        headers: request.headers,
        rawBody: request.body,
      });
      expect(server.ok).toBe(true);
      const parsed = parseResendEvent(request.body, { deliveryId: request.headers["svix-id"] });
      expect(parsed.ok).toBe(true);
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({
        type: item.event.status,
        data: { email_id: item.event.message.externalId },
      });
      expect(Date.parse(body.created_at)).toBeGreaterThan(Date.parse(body.data.created_at));
      expect(body.data.tags).toEqual(expect.objectContaining({ category: expect.any(String) }));
    }
  });

  it("a redelivery is the very same request: same delivery id, timestamp, body and signature", () => {
    const plan = buildPlan(planInput({ now: NOW, duplicates: 0.3 }));
    let clock = Date.now();
    const build = requestFactory(plan, testContexts(), () => new Date((clock += 7_000)));
    const requests = plan.items.map((_, index) => build(index));
    const duplicates = plan.items.flatMap((item, index) =>
      item.kind === "duplicate" ? [{ item, index }] : [],
    );
    expect(duplicates.length).toBeGreaterThan(10);
    for (const { item, index } of duplicates) {
      expect(requests[index]).toEqual(requests[item.original]);
      const id = requests[index].headers["svix-id"] ?? requests[index].headers["i-twilio-idempotency-token"];
      expect(id).toBe(item.event.deliveryId);
    }
  });

  it("signs for WEBHOOK_BASE_URL, or for the target's port when it is not set", () => {
    expect(testSettings().publicUrls.twilio).toBe(PUBLIC_TWILIO);
    const local = testSettings({ WEBHOOK_BASE_URL: "", PORT: "3000" });
    expect(local.publicUrls.twilio).toBe("http://localhost:3123/webhooks/twilio");
    expect(local.target).toBe("http://127.0.0.1:3123");
  });
});
