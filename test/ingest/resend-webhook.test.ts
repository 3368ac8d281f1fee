// Resend (Svix) email events through the real route handler (app/webhooks/resend/route.ts), on every target.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST } from "@/app/webhooks/resend/route";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { testTargets } from "../support/databases";
import {
  designNotesResendRequest,
  resendEmailEvent,
  resendRequest,
  svixId,
  TEST_RESEND_WEBHOOK_SECRET,
} from "../support/webhook-requests";
import { expectError, expectNoDiagnosisIn, expectStored, requestRow, useIngestHarness } from "./harness";

const EMAIL_EVENT_TYPES = [
  "email.sent",
  "email.scheduled",
  "email.delivered",
  "email.delivery_delayed",
  "email.complained",
  "email.bounced",
  "email.opened",
  "email.clicked",
  "email.failed",
  "email.suppressed",
] as const;

/** The extra object each type carries (docs/providers.md). */
const EXTRAS: Partial<Record<(typeof EMAIL_EVENT_TYPES)[number], Record<string, unknown>>> = {
  "email.bounced": { bounce: { message: "hard bounce", subType: "Suppressed", type: "Permanent" } },
  "email.clicked": {
    click: {
      ipAddress: "122.115.53.11",
      link: "https://resend.com",
      timestamp: "2026-02-23T07:15:39.163Z",
      userAgent: "Mozilla/5.0",
    },
  },
  "email.failed": { failed: { reason: "reached_daily_quota" } },
  "email.suppressed": {
    suppressed: { message: "on the suppression list", type: "OnAccountSuppressionList" },
  },
};

describe.each(testTargets)("Resend webhook route (%s)", (target) => {
  const h = useIngestHarness(target);

  describe("event types", () => {
    it("stores every email event type as an event, unmatched while no message is registered", async () => {
      const emailId = crypto.randomUUID();
      for (const type of EMAIL_EVENT_TYPES) {
        const payload = resendEmailEvent(type, { emailId, data: EXTRAS[type] });
        const body = await expectStored(await POST(resendRequest({ payload })), "unmatched");
        const row = await requestRow(h.db, body.requestId);
        expect(row).toMatchObject({
          provider: "resend",
          outcome: "unmatched",
          eventType: type,
          externalId: emailId,
          verified: true,
          body: JSON.stringify(payload),
        });
      }
      const events = await h.db.prisma.messageEvent.findMany({
        where: { externalId: emailId },
        orderBy: { id: "asc" },
      });
      expect(events.map((e) => e.eventType)).toEqual([...EMAIL_EVENT_TYPES]);
      expect(events.every((e) => e.messageId === null && e.channel === "email")).toBe(true);
      expect(events.find((e) => e.eventType === "email.bounced")).toMatchObject({
        bounceType: "Permanent",
        bounceSubType: "Suppressed",
      });
    });

    it("answers accepted and links the event when the email is registered", async () => {
      const emailId = crypto.randomUUID();
      const message = await h.db.prisma.message.create({
        data: {
          channel: "email",
          recipient: "delivered@resend.dev",
          provider: "resend",
          externalIds: { create: { provider: "resend", externalId: emailId } },
        },
      });
      const body = await expectStored(
        await POST(resendRequest({ payload: resendEmailEvent("email.delivered", { emailId }) })),
        "accepted",
      );
      expect(await requestRow(h.db, body.requestId)).toMatchObject({
        outcome: "accepted",
        messageId: message.id,
      });
      expect(
        await h.db.prisma.messageEvent.findFirstOrThrow({ where: { requestId: body.requestId } }),
      ).toMatchObject({ messageId: message.id, status: "delivered" });
    });

    it.each([
      [
        "contact.created",
        {
          type: "contact.created",
          created_at: new Date().toISOString(),
          data: { id: "c-1", email: "ada@example.com", unsubscribed: false },
        },
      ],
      [
        "email.received",
        resendEmailEvent("email.received", {
          data: { attachments: [], cc: [], bcc: [], received_for: ["in@example.com"] },
        }),
      ],
      [
        "domain.updated",
        {
          type: "domain.updated",
          created_at: new Date().toISOString(),
          data: { id: "d-1", name: "example.com", status: "verified" },
        },
      ],
    ])("acknowledges %s as ignored, without an event", async (type, payload) => {
      const body = await expectStored(await POST(resendRequest({ payload })), "ignored");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({ outcome: "ignored", eventType: type, verified: true });
      expect(row.reason).toMatch(/^ignored: /);
      expect(await h.db.prisma.messageEvent.count()).toBe(0);
    });
  });

  describe("signatures", () => {
    it("accepts the unbranded webhook-* header names, and redacts webhook-signature", async () => {
      const request = resendRequest({ payload: resendEmailEvent("email.sent"), headerNames: "webhook" });
      const signature = request.headers.get("webhook-signature")!;
      expect(request.headers.get("svix-signature")).toBeNull();
      const body = await expectStored(await POST(request), "unmatched");
      const row = await requestRow(h.db, body.requestId);
      expect(row.deliveryId).toBe(request.headers.get("webhook-id"));
      expect(JSON.stringify(row.headers)).not.toContain(signature);
    });

    it("stores the headers with svix-signature redacted", async () => {
      const request = resendRequest({
        payload: resendEmailEvent("email.sent"),
        // As the HTTP guard writes the socket's address (no proxy in front: TRUSTED_PROXY_HOPS=0).
        headers: { [PEER_ADDRESS_HEADER]: "192.0.2.44" },
      });
      const signature = request.headers.get("svix-signature")!;
      const body = await expectStored(await POST(request), "unmatched");
      const row = await requestRow(h.db, body.requestId);
      expect(JSON.stringify(row.headers)).not.toContain(signature);
      expect(JSON.stringify(row.headers)).not.toContain(signature.slice(3, 20));
      expect(row.headers).toMatchObject({
        "svix-id": request.headers.get("svix-id"),
        "svix-signature": expect.stringMatching(/^\[redacted/),
      });
      expect(row).toMatchObject({
        sourceIp: "192.0.2.44",
        deliveryId: request.headers.get("svix-id"),
        contentType: "application/json",
      });
    });

    it("rejects a made-up Resend-Signature: sha256=<hex> with 401", async () => {
      const payload = resendEmailEvent("email.delivered");
      const request = designNotesResendRequest(payload);
      const body = await expectError(await POST(request), 401, "invalid_signature");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "rejected_signature",
        httpStatus: 401,
        verified: false,
        eventType: "email.delivered",
        externalId: payload.data.email_id,
      });
      expect(row.reason).toMatch(/missing header\(s\): svix-id, svix-timestamp, svix-signature/);
      expect(JSON.stringify(row.diagnosis)).toMatch(/resend-signature/);
      expectNoDiagnosisIn(body, row);
    });

    it("rejects sha256=<hex> in the svix-signature header: no v1 signature matched", async () => {
      const response = await POST(
        resendRequest({ payload: resendEmailEvent("email.sent"), signature: "sha256=" + "ab".repeat(32) }),
      );
      const body = await expectError(response, 401, "invalid_signature");
      const row = await requestRow(h.db, body.requestId);
      expect(row.reason).toMatch(/no v1 signature matched/);
      expectNoDiagnosisIn(body, row);
    });

    it("rejects a tampered body and a signature made with another secret", async () => {
      const request = resendRequest({ payload: resendEmailEvent("email.sent") });
      const tampered = new Request(request.url, {
        method: "POST",
        headers: request.headers,
        body: (await request.text()).replace("delivered@", "attacker@"),
      });
      const body = await expectError(await POST(tampered), 401, "invalid_signature");
      expect((await requestRow(h.db, body.requestId)).reason).toMatch(/no v1 signature matched/);
      const other = "whsec_" + Buffer.from("another-endpoint-secret!").toString("base64");
      await expectError(
        await POST(resendRequest({ payload: resendEmailEvent("email.sent"), secret: other })),
        401,
        "invalid_signature",
      );
    });

    it("rejects a stale timestamp (signed 10 minutes ago) with the skew in the diagnosis", async () => {
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      const body = await expectError(
        await POST(resendRequest({ payload: resendEmailEvent("email.sent"), date: tenMinutesAgo })),
        401,
        "invalid_signature",
      );
      const row = await requestRow(h.db, body.requestId);
      expect(row.reason).toMatch(/timestamp too old: 60\d s behind the server clock/);
      const diagnosis = row.diagnosis as { skewSeconds: number; toleranceSeconds: number };
      expect(diagnosis.skewSeconds).toBeGreaterThanOrEqual(600);
      expect(diagnosis.skewSeconds).toBeLessThan(610);
      expect(diagnosis.toleranceSeconds).toBe(300);
      expectNoDiagnosisIn(body, row);
      // Within the tolerance it is accepted.
      await expectStored(
        await POST(
          resendRequest({ payload: resendEmailEvent("email.sent"), date: new Date(Date.now() - 4 * 60_000) }),
        ),
        "unmatched",
      );
    });

    it("answers 401 when no signing secret is configured", async () => {
      h.configure({ RESEND_WEBHOOK_SECRET: "" });
      const body = await expectError(
        await POST(resendRequest({ payload: resendEmailEvent("email.sent") })),
        401,
        "invalid_signature",
      );
      const row = await requestRow(h.db, body.requestId);
      expect(row.reason).toMatch(/no usable signing secret configured/);
      expectNoDiagnosisIn(body, row);
    });

    it("accepts either secret while one is rotated", async () => {
      const next = "whsec_" + Buffer.from("the-next-endpoint-secret").toString("base64");
      h.configure({ RESEND_WEBHOOK_SECRET: `${TEST_RESEND_WEBHOOK_SECRET},${next}` });
      await expectStored(await POST(resendRequest({ payload: resendEmailEvent("email.sent") })), "unmatched");
      await expectStored(
        await POST(resendRequest({ payload: resendEmailEvent("email.sent"), secret: next })),
        "unmatched",
      );
    });
  });

  describe("malformed after verification: 400, never 500", () => {
    it("answers 400 for non-UTF-8 bytes in a correctly signed body", async () => {
      const json = Buffer.from(
        JSON.stringify(resendEmailEvent("email.delivered", { data: { subject: "SUBJECT" } })),
      );
      const at = json.indexOf("SUBJECT");
      json[at] = 0xff;
      json[at + 1] = 0xfe;
      const body = await expectError(
        await POST(resendRequest({ payload: new Uint8Array(json) })),
        400,
        "invalid_payload",
      );
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "invalid",
        httpStatus: 400,
        verified: true,
        bodyBytes: json.length,
      });
      expect(row.reason).toMatch(/not valid UTF-8/);
    });

    it.each([
      ["an empty body", ""],
      ["not JSON", "type=email.sent"],
      ["JSON null", "null"],
      ["a JSON array", "[1,2]"],
      ["an envelope without type", '{"data":{}}'],
      [
        "an email event without data.email_id",
        '{"type":"email.sent","created_at":"2026-02-22T23:41:12.126Z","data":{"to":["a@b.c"]}}',
      ],
      [
        "an email event with a bad created_at",
        '{"type":"email.sent","created_at":"yesterday","data":{"email_id":"e-1"}}',
      ],
      [
        "an email event with data as a string",
        '{"type":"email.opened","created_at":"2026-02-22T23:41:12.126Z","data":"e-1"}',
      ],
    ])("answers 400 with issues for %s", async (_name, payload) => {
      const body = await expectError(await POST(resendRequest({ payload })), 400, "invalid_payload");
      expect(body.error.issues?.length).toBeGreaterThan(0);
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({ outcome: "invalid", httpStatus: 400, verified: true, body: payload });
      expect(row.diagnosis).toEqual({ issues: body.error.issues });
    });

    it("stores a payload carrying NUL characters instead of failing with 500", async () => {
      const escaped = resendEmailEvent("email.delivered", { data: { subject: "before\u0000after" } });
      const stored = await expectStored(await POST(resendRequest({ payload: escaped })), "unmatched");
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({
        where: { requestId: stored.requestId },
      });
      expect(event.details).toMatchObject({ subject: "before\uFFFDafter" });

      const raw = '{"type":"email.sent"\u0000}';
      const rejected = await expectError(await POST(resendRequest({ payload: raw })), 400, "invalid_payload");
      expect(await requestRow(h.db, rejected.requestId)).toMatchObject({
        outcome: "invalid",
        body: '{"type":"email.sent"\uFFFD}',
      });
    });

    it("answers 415 to text/plain, and records an invalid row", async () => {
      const body = await expectError(
        await POST(resendRequest({ payload: resendEmailEvent("email.sent"), contentType: "text/plain" })),
        415,
        "unsupported_media_type",
      );
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        outcome: "invalid",
        httpStatus: 415,
        contentType: "text/plain",
        verified: false,
      });
      expectNoDiagnosisIn(body, row);
    });
  });

  describe("exactly once", () => {
    it("answers a redelivery (same svix-id, re-signed later) as a duplicate of the first request", async () => {
      const id = svixId();
      const payload = resendEmailEvent("email.delivered");
      const first = await expectStored(await POST(resendRequest({ payload, id })), "unmatched");
      const retry = await expectStored(
        await POST(resendRequest({ payload, id, date: new Date(Date.now() + 5_000) })),
        "duplicate",
      );
      expect(retry.duplicateOf).toBe(first.requestId);
      expect(await requestRow(h.db, retry.requestId)).toMatchObject({
        outcome: "duplicate",
        duplicateOf: first.requestId,
        deliveryId: id,
        httpStatus: 200,
      });
      expect(await h.db.prisma.messageEvent.count()).toBe(1);
      expect(await h.db.prisma.webhookRequest.count()).toBe(2);
    });

    it("keeps two opens of one email under different svix-ids as two events", async () => {
      const emailId = crypto.randomUUID();
      for (let i = 0; i < 2; i++) {
        await expectStored(
          await POST(resendRequest({ payload: resendEmailEvent("email.opened", { emailId }) })),
          "unmatched",
        );
      }
      expect(await h.db.prisma.messageEvent.count({ where: { externalId: emailId } })).toBe(2);
    });
  });
});
