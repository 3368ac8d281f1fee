// Twilio status callbacks through the real route handler (app/webhooks/twilio/route.ts), on every target:
// signatures over the PUBLIC URL, what is stored for every request, and exactly-once by delivery and effect.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST } from "@/app/webhooks/twilio/route";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { getWebhookUrls } from "@/lib/config/validate";
import { getConfig } from "@/lib/env";
import { parseForm } from "@/lib/providers/twilio";
import { testTargets } from "../support/databases";
import {
  designNotesSignature,
  encodeForm,
  INTERNAL_ORIGIN,
  PUBLIC_BASE_URL,
  signTwilio,
  TEST_TWILIO_ACCOUNT_SID,
  TEST_TWILIO_AUTH_TOKEN,
  twilioMessageSid,
  twilioPublicUrl,
  twilioRequest,
  twilioStatusParams,
  type TwilioParams,
} from "../support/webhook-requests";
import { expectError, expectNoDiagnosisIn, expectStored, requestRow, useIngestHarness } from "./harness";

describe.each(testTargets)("Twilio webhook route (%s)", (target) => {
  const h = useIngestHarness(target);

  describe("signature over the public URL", () => {
    it("checks WEBHOOK_BASE_URL + path + the raw query, not request.url", async () => {
      const params = twilioStatusParams();
      const publicUrl = `${PUBLIC_BASE_URL}/webhooks/twilio?x=1`;
      const signature = signTwilio(TEST_TWILIO_AUTH_TOKEN, publicUrl, params);
      const request = new Request(`${INTERNAL_ORIGIN}/webhooks/twilio?x=1`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
        body: encodeForm(params),
      });
      expect(request.url).toBe("http://10.0.0.5:3000/webhooks/twilio?x=1");

      const body = await expectStored(await POST(request), "unmatched");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        provider: "twilio",
        outcome: "unmatched",
        httpStatus: 200,
        verified: true,
        path: "/webhooks/twilio",
        query: "x=1",
        eventType: "delivered",
        externalId: params.MessageSid,
        body: encodeForm(params),
      });
    });

    it("accepts a callback configured with the retry fragment getWebhookUrls recommends, signed as Twilio sends it", async () => {
      const callback = `${getWebhookUrls(getConfig()).twilioStatusCallback.replace("#", "?x=1#")}`;
      expect(callback).toBe(`${PUBLIC_BASE_URL}/webhooks/twilio?x=1#rc=5&rp=5xx,ct,rt`);
      // Twilio strips the fragment (it is never sent over HTTP) and signs the URL it requests.
      const requested = callback.slice(0, callback.indexOf("#"));
      const params = twilioStatusParams();
      const request = new Request(`${INTERNAL_ORIGIN}/webhooks/twilio?x=1`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": signTwilio(TEST_TWILIO_AUTH_TOKEN, requested, params),
        },
        body: encodeForm(params),
      });
      const body = await expectStored(await POST(request), "unmatched");
      expect(await requestRow(h.db, body.requestId)).toMatchObject({ verified: true, query: "x=1" });
    });

    it("rejects a signature over request.url (the internal address) with the checked URL and the hint", async () => {
      const internalUrl = `${INTERNAL_ORIGIN}/webhooks/twilio?x=1`;
      const response = await POST(twilioRequest({ query: "x=1", signedUrl: internalUrl }));
      const body = await expectError(response, 401, "invalid_signature");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "rejected_signature",
        httpStatus: 401,
        verified: false,
        query: "x=1",
      });
      expect(row.reason).toBe("signature rejected: signature does not match");
      expect(row.diagnosis).toMatchObject({ checkedUrl: `${PUBLIC_BASE_URL}/webhooks/twilio?x=1` });
      expect((row.diagnosis as { hint: string }).hint).toMatch(/WEBHOOK_BASE_URL/);
      expectNoDiagnosisIn(body, row);
    });

    it("uses the same query string the request carried", async () => {
      // Signed for ?x=1 but sent with ?x=2: the checked URL follows the request's query, so it fails.
      const response = await POST(twilioRequest({ query: "x=2", signedUrl: twilioPublicUrl("x=1") }));
      const body = await expectError(response, 401, "invalid_signature");
      expect((await requestRow(h.db, body.requestId)).diagnosis).toMatchObject({
        checkedUrl: twilioPublicUrl("x=2"),
      });
    });

    it("keeps a query string with message_id, exactly as received", async () => {
      const query = "message_id=msg_42&campaign=spring%20sale";
      const params = twilioStatusParams();
      const body = await expectStored(await POST(twilioRequest({ params, query })), "unmatched");
      const row = await requestRow(h.db, body.requestId);
      expect(row.query).toBe(query);
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({ where: { requestId: body.requestId } });
      expect(event).toMatchObject({
        externalId: params.MessageSid,
        embeddedMessageId: "msg_42",
        status: "delivered",
      });
    });

    it("rejects a made-up sha256=<hex> scheme with 401", async () => {
      const params = twilioStatusParams();
      const signature = designNotesSignature(TEST_TWILIO_AUTH_TOKEN, encodeForm(params));
      const body = await expectError(
        await POST(twilioRequest({ params, signature })),
        401,
        "invalid_signature",
      );
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "rejected_signature",
        eventType: "delivered",
        externalId: params.MessageSid,
      });
      expectNoDiagnosisIn(body, row);
    });

    it("rejects a missing signature and a signature made with another token", async () => {
      const missing = await expectError(
        await POST(twilioRequest({ signature: null })),
        401,
        "invalid_signature",
      );
      expect((await requestRow(h.db, missing.requestId)).reason).toMatch(
        /X-Twilio-Signature header is missing/,
      );
      const wrong = await expectError(
        await POST(twilioRequest({ authToken: "someone_elses_token" })),
        401,
        "invalid_signature",
      );
      expect((await requestRow(h.db, wrong.requestId)).reason).toMatch(/signature does not match/);
    });

    it("answers 401 when no auth token is configured, and says why in the row", async () => {
      h.configure({ TWILIO_AUTH_TOKEN: "" });
      const body = await expectError(await POST(twilioRequest()), 401, "invalid_signature");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({ outcome: "rejected_signature", httpStatus: 401, verified: false });
      expect(row.reason).toMatch(/no Twilio auth token configured/);
      expectNoDiagnosisIn(body, row);
    });

    it("accepts unsigned requests with VERIFY_WEBHOOK_SIGNATURES=false (tests), stored as unverified", async () => {
      expect(process.env.NODE_ENV).toBe("test");
      h.configure({ VERIFY_WEBHOOK_SIGNATURES: "false" });
      const body = await expectStored(await POST(twilioRequest({ signature: null })), "unmatched");
      const row = await requestRow(h.db, body.requestId);
      expect(row.verified).toBe(false);
      expect(row.reason).toMatch(/WITHOUT signature verification/);
    });
  });

  describe("what is stored", () => {
    it("stores the raw body, the event, and the headers with the signature redacted", async () => {
      // Two trusted proxies: the client is two hops from the socket's peer (what the HTTP guard writes).
      h.configure({ TRUSTED_PROXY_HOPS: "2" });
      const request = twilioRequest({
        headers: {
          "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.1",
          [PEER_ADDRESS_HEADER]: "10.0.0.2",
        },
      });
      const signature = request.headers.get("x-twilio-signature")!;
      const token = request.headers.get("i-twilio-idempotency-token")!;
      const body = await expectStored(await POST(request), "unmatched");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        provider: "twilio",
        outcome: "unmatched",
        httpStatus: 200,
        verified: true,
        deliveryId: token,
        sourceIp: "198.51.100.7",
        method: "POST",
        contentType: "application/x-www-form-urlencoded",
        reason: null,
        diagnosis: null,
        bodyTruncated: false,
      });
      expect(row.bodyBytes).toBe(Buffer.byteLength(row.body!));
      expect(JSON.stringify(row.headers)).not.toContain(signature);
      expect(row.headers).toMatchObject({
        "i-twilio-idempotency-token": token,
        "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.1",
      });
      expect(row.headers).not.toHaveProperty(PEER_ADDRESS_HEADER);
      expect((row.headers as Record<string, string>)["x-twilio-signature"]).toMatch(/^\[redacted/);
    });

    it("redacts the signature of rejected requests too, keeping it only in its own column for re-verification", async () => {
      const request = twilioRequest({ authToken: "wrong_token_wrong_token" });
      const signature = request.headers.get("x-twilio-signature")!;
      const body = await expectError(await POST(request), 401, "invalid_signature");
      const { signatureHeaders, ...row } = await requestRow(h.db, body.requestId);
      expect(JSON.stringify({ ...row, seq: String(row.seq) })).not.toContain(signature);
      expect(signatureHeaders).toEqual({ "x-twilio-signature": signature });
    });

    it("keeps unknown extra parameters (in the body and in the event's details)", async () => {
      const params = twilioStatusParams({ FutureParam: "surprise", ChannelPrefix: "sms", Tag: ["a", "b"] });
      const body = await expectStored(await POST(twilioRequest({ params })), "unmatched");
      expect((await requestRow(h.db, body.requestId)).body).toContain("FutureParam=surprise");
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({ where: { requestId: body.requestId } });
      expect(event.details).toMatchObject({ FutureParam: "surprise", ChannelPrefix: "sms", Tag: ["a", "b"] });
    });

    it("answers accepted and links the event when the message is registered", async () => {
      const params = twilioStatusParams({ MessageStatus: "undelivered", ErrorCode: "30003" });
      const message = await h.db.prisma.message.create({
        data: {
          channel: "sms",
          recipient: "+14155550100",
          provider: "twilio",
          externalIds: { create: { provider: "twilio", externalId: params.MessageSid as string } },
        },
      });
      const body = await expectStored(await POST(twilioRequest({ params })), "accepted");
      expect(await requestRow(h.db, body.requestId)).toMatchObject({
        outcome: "accepted",
        messageId: message.id,
      });
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({ where: { requestId: body.requestId } });
      expect(event).toMatchObject({ messageId: message.id, status: "undelivered", errorCode: "30003" });
    });

    it("acknowledges an inbound status as ignored, without an event", async () => {
      const params = twilioStatusParams({ MessageStatus: "received", SmsStatus: "received" });
      const body = await expectStored(await POST(twilioRequest({ params })), "ignored");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({ outcome: "ignored", eventType: "received", verified: true });
      expect(row.reason).toMatch(/ignored/);
      expect(await h.db.prisma.messageEvent.count()).toBe(0);
    });
  });

  describe("malformed after verification: 400, never 500", () => {
    it("answers 400 with issues when MessageStatus is missing", async () => {
      const params = twilioStatusParams();
      delete params.MessageStatus;
      delete params.SmsStatus;
      const body = await expectError(await POST(twilioRequest({ params })), 400, "invalid_payload");
      expect(body.error.issues).toEqual([
        { path: "MessageStatus", message: "MessageStatus (or SmsStatus) is required" },
      ]);
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "invalid",
        httpStatus: 400,
        verified: true,
        externalId: params.MessageSid,
      });
      expect(row.reason).toMatch(/^malformed payload/);
      expect(row.diagnosis).toEqual({ issues: body.error.issues });
    });

    it("answers 400 for a callback of another account when TWILIO_ACCOUNT_SID is set", async () => {
      h.configure({ TWILIO_ACCOUNT_SID: TEST_TWILIO_ACCOUNT_SID });
      const other = "AC99999999999999999999999999999999";
      const body = await expectError(
        await POST(twilioRequest({ params: twilioStatusParams({ AccountSid: other }) })),
        400,
        "invalid_payload",
      );
      expect(body.error.issues).toEqual([
        { path: "AccountSid", message: `AccountSid ${other} is not the configured Twilio account` },
      ]);
      expect(await requestRow(h.db, body.requestId)).toMatchObject({ outcome: "invalid", verified: true });
      // The configured account itself is accepted.
      await expectStored(await POST(twilioRequest()), "unmatched");
    });

    it.each([
      ["an unknown status", { MessageStatus: "exploded", SmsStatus: "exploded" }],
      ["a repeated MessageSid", { MessageSid: ["SMaaa", "SMbbb"] }],
    ])("answers 400 for %s", async (_name, overrides) => {
      const body = await expectError(
        await POST(twilioRequest({ params: twilioStatusParams(overrides) })),
        400,
        "invalid_payload",
      );
      expect(body.error.issues?.length).toBeGreaterThan(0);
    });

    it("answers 400 for an empty signed body and for garbage bytes, never 500", async () => {
      const empty = await expectError(await POST(twilioRequest({ params: {} })), 400, "invalid_payload");
      expect(empty.error.issues?.map((i) => i.path)).toEqual(["MessageSid", "MessageStatus"]);
      // Malformed escapes, empty keys and a NUL, correctly signed over what they decode to.
      const garbage = "%%%&&==%ZZ&MessageSid=%E2%28&\u0000&MessageStatus=%";
      const body = await expectError(
        await POST(twilioRequest({ params: parseForm(garbage), body: garbage })),
        400,
        "invalid_payload",
      );
      expect(body.error.issues).toEqual([{ path: "MessageStatus", message: 'unknown message status "%"' }]);
      // PostgreSQL text cannot hold NUL: the raw body is kept with U+FFFD in its place.
      expect(await requestRow(h.db, body.requestId)).toMatchObject({
        outcome: "invalid",
        verified: true,
        body: garbage.replace("\u0000", "\uFFFD"),
      });
    });

    it("stores a NUL in a signed parameter value instead of failing with 500", async () => {
      const params = twilioStatusParams({ FutureParam: "a\u0000b" });
      const body = await expectStored(await POST(twilioRequest({ params })), "unmatched");
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({ where: { requestId: body.requestId } });
      expect(event.details).toMatchObject({ FutureParam: "a\uFFFDb" });
      expect((await requestRow(h.db, body.requestId)).body).toContain("FutureParam=a%00b");
    });

    it("answers 415 to application/json without bodySHA256, and records an invalid row", async () => {
      const params = twilioStatusParams();
      const response = await POST(
        twilioRequest({ params, contentType: "application/json", body: JSON.stringify(params) }),
      );
      const body = await expectError(response, 415, "unsupported_media_type");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "invalid",
        httpStatus: 415,
        contentType: "application/json",
        body: JSON.stringify(params),
      });
      expect(row.reason).toMatch(/Content-Type "application\/json"/);
      expectNoDiagnosisIn(body, row);
    });
  });

  describe("exactly once", () => {
    it("answers a redelivery (same I-Twilio-Idempotency-Token) as a duplicate of the first request", async () => {
      const params = twilioStatusParams();
      const first = await expectStored(
        await POST(twilioRequest({ params, idempotencyToken: "idem-retry-1" })),
        "unmatched",
      );
      const again = await expectStored(
        await POST(twilioRequest({ params, idempotencyToken: "idem-retry-1" })),
        "duplicate",
      );
      expect(again.duplicateOf).toBe(first.requestId);
      expect(await requestRow(h.db, again.requestId)).toMatchObject({
        outcome: "duplicate",
        httpStatus: 200,
        duplicateOf: first.requestId,
        deliveryId: "idem-retry-1",
      });
      expect(await h.db.prisma.messageEvent.count()).toBe(1);
      expect(await h.db.prisma.webhookDelivery.count()).toBe(1);
      expect(await h.db.prisma.webhookRequest.count()).toBe(2);
    });

    it("answers the same status under a different token as a duplicate (MessageSid + status + ErrorCode)", async () => {
      const params = twilioStatusParams({ MessageStatus: "undelivered", ErrorCode: "30003" });
      const first = await expectStored(await POST(twilioRequest({ params })), "unmatched");
      const second = await expectStored(await POST(twilioRequest({ params })), "duplicate");
      expect(second.duplicateOf).toBe(first.requestId);
      const third = await expectStored(
        await POST(twilioRequest({ params, idempotencyToken: null })),
        "duplicate",
      );
      expect(third.duplicateOf).toBe(first.requestId);
      expect(await h.db.prisma.messageEvent.count()).toBe(1);
      expect(await h.db.prisma.webhookRequest.count()).toBe(3);
    });

    it("keeps different statuses and different error codes of one message as separate events", async () => {
      const sid = twilioMessageSid();
      const variants: TwilioParams[] = [
        { MessageStatus: "sent" },
        { MessageStatus: "undelivered", ErrorCode: "30003" },
        { MessageStatus: "undelivered", ErrorCode: "30005" },
      ];
      for (const v of variants) {
        await expectStored(
          await POST(twilioRequest({ params: twilioStatusParams({ MessageSid: sid, ...v }) })),
          "unmatched",
        );
      }
      const events = await h.db.prisma.messageEvent.findMany({
        where: { externalId: sid },
        orderBy: { id: "asc" },
      });
      expect(events.map((e) => e.effectKey)).toEqual([
        `${sid}:sent:`,
        `${sid}:undelivered:30003`,
        `${sid}:undelivered:30005`,
      ]);
    });
  });
});
