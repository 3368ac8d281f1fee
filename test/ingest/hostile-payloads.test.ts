// Correctly signed requests whose content PostgreSQL cannot hold as sent, through the real routes on every
// target. None may get a 5xx (the provider would retry it for a day). The rule (docs/api.md): an
// identifier or an address that is not printable text is refused with 400 and a stored reason; free text
// (bounce and error messages, object keys, anything kept in details) is stored with U+0000 and unpaired
// surrogates replaced by U+FFFD, and accepted; a body nested absurdly deep or dated outside what any
// provider sends is refused with 400.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as resendPOST } from "@/app/webhooks/resend/route";
import { POST as twilioPOST } from "@/app/webhooks/twilio/route";
import { testTargets } from "../support/databases";
import {
  resendEmailEvent,
  resendRequest,
  twilioRequest,
  twilioStatusParams,
} from "../support/webhook-requests";
import { expectError, expectStored, requestRow, useIngestHarness } from "./harness";

/** A Resend body with `inner` (raw JSON text) added to data, so escapes reach the parser verbatim. */
function resendWith(inner: string, type = "email.delivered"): string {
  const base = JSON.stringify(resendEmailEvent(type));
  return base.replace('"data":{', `"data":{${inner},`);
}

describe.each(testTargets)("hostile but correctly signed payloads (%s)", (target) => {
  const h = useIngestHarness(target);

  async function expectRefused(response: Response, reason: RegExp) {
    const body = await expectError(response, 400, "invalid_payload");
    const row = await requestRow(h.db, body.requestId);
    expect(row).toMatchObject({ outcome: "invalid", httpStatus: 400, verified: true });
    expect(`${row.reason} ${JSON.stringify(row.diagnosis)}`).toMatch(reason);
    expect(await h.db.prisma.messageEvent.count()).toBe(0);
    return row;
  }

  describe("identifiers and addresses that are not printable text: 400 with the reason", () => {
    it("a NUL byte in a Twilio MessageSid", async () => {
      const sid = "SM0123456789abcdef0123456789abcd\u0000x";
      const response = await twilioPOST(
        twilioRequest({ params: twilioStatusParams({ MessageSid: sid, SmsSid: sid }) }),
      );
      await expectRefused(response, /MessageSid.*control character/);
    });

    it("a newline in a Twilio To", async () => {
      const response = await twilioPOST(
        twilioRequest({ params: twilioStatusParams({ To: "+1415555\n0100" }) }),
      );
      await expectRefused(response, /To.*control character/);
    });

    it("a NUL byte in a Resend email_id and in a recipient", async () => {
      await expectRefused(
        await resendPOST(
          resendRequest({ payload: resendEmailEvent("email.delivered", { emailId: "e\u0000d41" }) }),
        ),
        /email_id.*control character/,
      );
      await expectRefused(
        await resendPOST(
          resendRequest({
            payload: resendEmailEvent("email.delivered", { data: { to: ["a\u0000b@example.com"] } }),
          }),
        ),
        /to.*control character/,
      );
    });

    it("unpaired surrogates in a Resend email_id", async () => {
      await expectRefused(
        await resendPOST(
          resendRequest({ payload: resendEmailEvent("email.delivered", { emailId: "\ude33\udfca" }) }),
        ),
        /email_id.*unpaired surrogate/,
      );
    });
  });

  describe("free text: stored with the character replaced, and accepted", () => {
    it('a NUL byte in a bounce message ("550 no\\u0000such user")', async () => {
      const payload = resendWith(
        '"bounce":{"type":"Permanent","subType":"General","message":"550 no\\u0000such user"}',
        "email.bounced",
      );
      const stored = await expectStored(await resendPOST(resendRequest({ payload })), "unmatched");
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({
        where: { requestId: stored.requestId },
      });
      expect(event.errorMessage).toBe("550 no\ufffdsuch user");
      const row = await requestRow(h.db, stored.requestId);
      // The raw body is kept exactly as signed (the escape is plain text).
      expect(row.body).toBe(payload);
    });

    it("a NUL byte in a Twilio ErrorMessage and in an unknown parameter", async () => {
      const params = twilioStatusParams({
        MessageStatus: "undelivered",
        SmsStatus: "undelivered",
        ErrorCode: "30008",
        ErrorMessage: "Unknown\u0000error",
        CarrierNote: "x\u0000y",
      });
      const stored = await expectStored(await twilioPOST(twilioRequest({ params })), "unmatched");
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({
        where: { requestId: stored.requestId },
      });
      expect(event.errorMessage).toBe("Unknown\ufffderror");
      expect(event.details).toMatchObject({ CarrierNote: "x\ufffdy" });
    });

    it("an unpaired surrogate in an object key inside data", async () => {
      const payload = resendWith('"extra":{"k\\ud800":1}');
      const stored = await expectStored(await resendPOST(resendRequest({ payload })), "unmatched");
      const event = await h.db.prisma.messageEvent.findFirstOrThrow({
        where: { requestId: stored.requestId },
      });
      expect(event.details).toMatchObject({ extra: { "k\ufffd": 1 } });
    });
  });

  describe("bodies no provider sends: 400", () => {
    it("data nested 5,000 levels deep", async () => {
      const deep = `"extra":${"[".repeat(5000)}${"]".repeat(5000)}`;
      await expectRefused(
        await resendPOST(resendRequest({ payload: resendWith(deep) })),
        /nested deeper than/,
      );
    });

    it("a created_at of 0000-01-01T00:00:00Z", async () => {
      const payload = JSON.stringify(
        resendEmailEvent("email.delivered", { createdAt: "0000-01-01T00:00:00Z" }),
      );
      await expectRefused(await resendPOST(resendRequest({ payload })), /created_at.*range/);
    });
  });
});
