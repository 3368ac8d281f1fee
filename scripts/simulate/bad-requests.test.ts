// Bad requests: the signature kinds do NOT verify with the official libraries; the content kinds do
// verify but are a payload or content type the server must refuse (400 / 415).
import { describe, expect, it } from "vitest";
import { parseResendEvent } from "../../lib/providers/resend";
import { parseForm, parseTwilioCallback } from "../../lib/providers/twilio";
import { BAD_KINDS, UNVERIFIABLE_KINDS, type BadKind } from "./bad-kinds";
import { badResendRequest, badTwilioRequest, STALE_SECONDS } from "./bad-requests";
import { buildPlan, type SimEvent } from "./plan";
import type { HttpRequest } from "./send";
import { officialResendCheck, officialTwilioCheck, planInput, testContexts } from "./test-fixtures";

const plan = buildPlan(planInput({ now: new Date(), duplicates: 0, bad: 0 }));
const eventOf = (provider: "twilio" | "resend"): SimEvent =>
  plan.items.find((i) => i.event.message.provider === provider)!.event;
const contexts = testContexts();

function bad(provider: "twilio" | "resend", kind: BadKind): HttpRequest {
  const input = {
    event: eventOf(provider),
    kind,
    deliveryId: "bad-delivery",
    salt: "00112233445566778899aabbccddeeff",
  };
  return provider === "twilio"
    ? badTwilioRequest(input, contexts.twilio!)
    : badResendRequest(input, contexts.resend!, new Date());
}

describe("bad Twilio requests", () => {
  for (const kind of BAD_KINDS.twilio) {
    it(`${kind}: ${UNVERIFIABLE_KINDS.has(kind) ? "does not verify" : "verifies, and is refused for its content"}`, () => {
      const request = bad("twilio", kind);
      expect(request.url).toBe(contexts.twilio!.targetUrl);
      expect(officialTwilioCheck(request)).toBe(!UNVERIFIABLE_KINDS.has(kind));
      if (kind === "malformed-payload") {
        const parsed = parseTwilioCallback(parseForm(request.body), {
          deliveryId: null,
          expectedAccountSid: null,
          embeddedMessageId: null,
        });
        expect(parsed.ok).toBe(false);
      }
      if (kind === "wrong-content-type") expect(request.headers["content-type"]).toBe("application/json");
      if (kind === "sha256-scheme")
        expect(request.headers["x-twilio-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
      if (kind === "tampered-body")
        expect(parseForm(request.body).MessageStatus).not.toBe(eventOf("twilio").status);
    });
  }
});

describe("bad Resend requests", () => {
  for (const kind of BAD_KINDS.resend) {
    it(`${kind}: ${UNVERIFIABLE_KINDS.has(kind) ? "does not verify" : "verifies, and is refused for its content"}`, () => {
      const request = bad("resend", kind);
      expect(officialResendCheck(request)).toBe(!UNVERIFIABLE_KINDS.has(kind));
      if (kind === "malformed-payload") {
        expect(() => JSON.parse(request.body)).toThrow();
        expect(parseResendEvent(request.body, { deliveryId: null }).ok).toBe(false);
      }
      if (kind === "wrong-content-type") expect(request.headers["content-type"]).not.toMatch(/json/);
      if (kind === "sha256-scheme") {
        expect(request.headers["resend-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
        expect(request.headers["svix-signature"]).toBeUndefined();
      }
      if (kind === "stale-timestamp") {
        const age = Date.now() / 1000 - Number(request.headers["svix-timestamp"]);
        expect(age).toBeGreaterThanOrEqual(STALE_SECONDS - 1);
      }
      if (kind === "tampered-body") expect(JSON.parse(request.body).type).not.toBe(eventOf("resend").status);
    });
  }

  it("a stale timestamp is the only flaw: with the clock moved back, the same request verifies", () => {
    const request = bad("resend", "stale-timestamp");
    const realNow = Date.now;
    Date.now = () => realNow() - STALE_SECONDS * 1000;
    try {
      expect(officialResendCheck(request)).toBe(true);
    } finally {
      Date.now = realNow;
    }
  });
});
