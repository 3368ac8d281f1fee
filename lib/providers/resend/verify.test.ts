import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDeliveryHeaders } from "./headers";
import { verifyResendSignature } from "./verify";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const NEXT_SECRET = "whsec_" + Buffer.from("a-rotated-secret-24bytes").toString("base64");
const NOW = new Date("2026-02-22T23:41:12.000Z");
const MSG_ID = "msg_2ZfWeb3uTm0EhR5NNvjDB2R6vHx";
const BODY = JSON.stringify({
  type: "email.delivered",
  created_at: "2026-02-22T23:41:14.004Z",
  data: { email_id: "56761188-7520-42d8-8898-ff6fc54ce618", to: ["delivered@resend.dev"] },
});

/** Signs the way Svix does, with the official library; `offsetSeconds` moves the timestamp away from NOW. */
function signed({ secret = SECRET, body = BODY, offsetSeconds = 0, at = NOW } = {}) {
  const date = new Date(at.getTime() + offsetSeconds * 1000);
  return {
    "svix-id": MSG_ID,
    "svix-timestamp": String(Math.floor(date.getTime() / 1000)),
    "svix-signature": new Webhook(secret).sign(MSG_ID, date, body),
  };
}

function verify(
  headers: Headers | Record<string, string | null>,
  options: { secrets?: string[]; body?: string } = {},
) {
  return verifyResendSignature({
    secrets: options.secrets ?? [SECRET],
    headers,
    rawBody: options.body ?? BODY,
    now: NOW,
  });
}

function expectFailure(result: ReturnType<typeof verifyResendSignature>) {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  for (const secret of [SECRET, NEXT_SECRET]) {
    expect(JSON.stringify(result)).not.toContain(secret.slice("whsec_".length));
  }
  return result;
}

describe("verifyResendSignature", () => {
  afterEach(() => vi.useRealTimers());

  it("accepts a request signed by the official library", () => {
    expect(verify(signed())).toEqual({ ok: true, verified: true, secretIndex: 0 });
  });

  it("accepts a Fetch Headers object", () => {
    expect(verify(new Headers(signed()))).toMatchObject({ ok: true, secretIndex: 0 });
  });

  it("rejects a tampered body", () => {
    const result = expectFailure(verify(signed(), { body: BODY.replace("delivered@", "attacker@") }));
    expect(result.reason).toMatch(/^no v1 signature matched/);
    expect(result.diagnosis).toMatchObject({ v1Entries: 1, signatureEntries: 1, secretsTried: 1 });
  });

  it("rejects a signature made with another secret", () => {
    const result = expectFailure(verify(signed({ secret: NEXT_SECRET })));
    expect(result.reason).toMatch(/^no v1 signature matched/);
  });

  it("rejects a signature keyed with the secret's text instead of its base64-decoded bytes", () => {
    for (const text of [SECRET, SECRET.slice("whsec_".length)]) {
      const date = NOW;
      const headers = {
        "svix-id": MSG_ID,
        "svix-timestamp": String(Math.floor(date.getTime() / 1000)),
        "svix-signature": new Webhook(text, { format: "raw" }).sign(MSG_ID, date, BODY),
      };
      expect(expectFailure(verify(headers)).reason).toMatch(/^no v1 signature matched/);
    }
  });

  it("rejects stale and future timestamps with the skew in seconds", () => {
    const stale = expectFailure(verify(signed({ offsetSeconds: -3600 })));
    expect(stale.reason).toBe("timestamp too old: 3600 s behind the server clock");
    expect(stale.diagnosis).toMatchObject({
      skewSeconds: 3600,
      toleranceSeconds: 300,
      header: "svix-timestamp",
    });

    const future = expectFailure(verify(signed({ offsetSeconds: 900 })));
    expect(future.reason).toBe("timestamp too new: 900 s ahead of the server clock");
    expect(future.diagnosis).toMatchObject({ skewSeconds: 900 });
  });

  it("accepts exactly 300 s in both directions and rejects 301 s", () => {
    expect(verify(signed({ offsetSeconds: -300 })).ok).toBe(true);
    expect(verify(signed({ offsetSeconds: 300 })).ok).toBe(true);
    expect(expectFailure(verify(signed({ offsetSeconds: -301 }))).diagnosis).toMatchObject({
      skewSeconds: 301,
    });
    expect(expectFailure(verify(signed({ offsetSeconds: 301 }))).reason).toMatch(/^timestamp too new: 301 s/);
  });

  it("agrees with the library's own clock check under fake timers", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    for (const offsetSeconds of [-301, -300, -1, 0, 1, 300, 301]) {
      const headers = signed({ offsetSeconds });
      const ours = verifyResendSignature({ secrets: [SECRET], headers, rawBody: BODY }).ok;
      let library = true;
      try {
        new Webhook(SECRET).verify(BODY, {
          "webhook-id": headers["svix-id"],
          "webhook-timestamp": headers["svix-timestamp"],
          "webhook-signature": headers["svix-signature"],
        });
      } catch {
        library = false;
      }
      expect({ offsetSeconds, ours }).toEqual({ offsetSeconds, ours: library });
    }
  });

  it("accepts a header with several signatures when one of them matches", () => {
    const valid = signed()["svix-signature"];
    const other = new Webhook(NEXT_SECRET).sign(MSG_ID, NOW, BODY);
    const headers = { ...signed(), "svix-signature": `v1a,c29tZS1lZDI1NTE5 ${other} ${valid}` };
    expect(verify(headers)).toMatchObject({ ok: true, secretIndex: 0 });
  });

  it.each(["id", "timestamp", "signature"])("names a missing svix-%s header", (field) => {
    const headers: Record<string, string | null> = signed();
    headers[`svix-${field}`] = null;
    const result = expectFailure(verify(headers));
    expect(result.reason).toBe(`missing header(s): svix-${field}`);
    expect(result.diagnosis).toMatchObject({
      missingHeaders: [`svix-${field}`],
      alsoAccepted: [`webhook-${field}`],
    });
  });

  it("accepts the unbranded webhook-* header names", () => {
    const s = signed();
    const headers = {
      "Webhook-Id": s["svix-id"],
      "Webhook-Timestamp": s["svix-timestamp"],
      "Webhook-Signature": s["svix-signature"],
    };
    expect(verify(headers)).toMatchObject({ ok: true, secretIndex: 0 });
    expect(verify(new Headers(headers))).toMatchObject({ ok: true });
  });

  it("prefers svix-* over webhook-* when both are present", () => {
    const good = signed();
    const bad = signed({ secret: NEXT_SECRET, offsetSeconds: 5 });
    const webhookNames = (h: typeof good) => ({
      "webhook-id": "msg_other",
      "webhook-timestamp": h["svix-timestamp"],
      "webhook-signature": h["svix-signature"],
    });
    expect(verify({ ...good, ...webhookNames(bad) }).ok).toBe(true);
    expect(verify({ ...bad, ...webhookNames(good) }).ok).toBe(false);
    expect(getDeliveryHeaders({ ...good, ...webhookNames(bad) })).toEqual({
      id: MSG_ID,
      timestamp: good["svix-timestamp"],
      signature: good["svix-signature"],
    });
  });

  it("rejects a made-up sha256=<hex> scheme", () => {
    const hex = createHmac("sha256", SECRET).update(BODY).digest("hex");
    const inSvixHeader = expectFailure(verify({ ...signed(), "svix-signature": `sha256=${hex}` }));
    expect(inSvixHeader.reason).toBe("no v1 signature matched (0 v1 of 1 entries)");
    expect(inSvixHeader.diagnosis).toMatchObject({ v1Entries: 0, unversionedEntries: 1 });
    expect(inSvixHeader.diagnosis.hint).toMatch(/sha256=<hex>/);

    const resendHeader = expectFailure(verify({ "Resend-Signature": `sha256=${hex}` }));
    expect(resendHeader.reason).toBe("missing header(s): svix-id, svix-timestamp, svix-signature");
    expect(resendHeader.diagnosis.hint).toMatch(/resend-signature/);
  });

  it("hints at the v1 form when the header has none", () => {
    const result = expectFailure(verify({ ...signed(), "svix-signature": "v1a,c29tZS1lZDI1NTE5" }));
    expect(result.diagnosis).toMatchObject({ v1Entries: 0, otherVersions: ["v1a"] });
    expect(result.diagnosis.hint).toMatch(/'v1,' form/);
  });

  it("tries every secret during a rotation and reports which one matched", () => {
    const secrets = [SECRET, NEXT_SECRET];
    expect(verify(signed({ secret: NEXT_SECRET }), { secrets })).toMatchObject({ ok: true, secretIndex: 1 });
    expect(verify(signed(), { secrets })).toMatchObject({ ok: true, secretIndex: 0 });
    const both = {
      ...signed(),
      "svix-signature": `${signed({ secret: NEXT_SECRET })["svix-signature"]} ${signed()["svix-signature"]}`,
    };
    expect(verify(both, { secrets: [NEXT_SECRET, SECRET] })).toMatchObject({ ok: true, secretIndex: 0 });

    const stranger = "whsec_" + Buffer.from("nobody-configured-this!!").toString("base64");
    const result = expectFailure(verify(signed({ secret: stranger }), { secrets }));
    expect(result.diagnosis).toMatchObject({ secretsTried: 2 });
  });

  it("skips an unusable secret and fails clearly when none is usable", () => {
    expect(verify(signed(), { secrets: ["whsec_", SECRET] })).toMatchObject({ ok: true, secretIndex: 1 });
    const none = expectFailure(verify(signed(), { secrets: [] }));
    expect(none.reason).toBe("no usable signing secret configured");
    const invalid = expectFailure(verify(signed(), { secrets: ["whsec_not*base64"] }));
    expect(invalid.diagnosis).toMatchObject({ secretsConfigured: 1, invalidSecrets: [{ index: 0 }] });
  });

  it("rejects a timestamp that is not unix seconds", () => {
    const result = expectFailure(verify({ ...signed(), "svix-timestamp": "2026-02-22T23:41:12Z" }));
    expect(result.reason).toBe("invalid timestamp header");
    const ms = expectFailure(verify({ ...signed(), "svix-timestamp": String(NOW.getTime()) }));
    expect(ms.diagnosis.hint).toMatch(/milliseconds/);
  });
});
