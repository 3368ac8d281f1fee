import { createHmac } from "node:crypto";
import twilio from "twilio";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseForm } from "./form";
import {
  CALLBACK,
  expectFailure,
  input,
  OLD_TOKEN,
  SHARED_KEY_SECRET,
  TOKEN,
  twilioRequest,
  URL_PUBLIC,
} from "./signed-request.fixture";
import { PUBLIC_URL_HINT, verifyTwilioSignature } from "./verify";

describe("verifyTwilioSignature: form callbacks", () => {
  it("accepts a request signed by the official library", () => {
    const request = twilioRequest(CALLBACK);
    expect(verifyTwilioSignature(input(request))).toEqual({ ok: true, verified: true, secretIndex: 0 });
  });

  it("rejects a tampered body and explains which URL was checked", () => {
    const request = twilioRequest(CALLBACK);
    const rawBody = request.rawBody.replace("delivered", "undelivered");
    const diagnosis = expectFailure(
      verifyTwilioSignature(input({ ...request, rawBody })),
      "signature does not match",
    );
    expect(diagnosis).toMatchObject({
      checkedUrl: URL_PUBLIC,
      hint: PUBLIC_URL_HINT,
      algorithm: "HMAC_SHA1",
    });
  });

  it("rejects a signature made with another token", () => {
    const request = twilioRequest(CALLBACK, URL_PUBLIC, "some-other-token");
    expectFailure(verifyTwilioSignature(input(request)), "signature does not match");
  });

  it("rejects a made-up sha256=<hex HMAC of body> scheme", () => {
    const { rawBody } = twilioRequest(CALLBACK);
    const signature = `sha256=${createHmac("sha256", TOKEN).update(rawBody).digest("hex")}`;
    expectFailure(verifyTwilioSignature(input({ rawBody, signature })), "signature does not match");
    const withSettings = input({ rawBody, signature, signatureSettings: "key=k1,algorithm=HMAC_SHA256" });
    expectFailure(verifyTwilioSignature(withSettings), "signature does not match");
    const bareHex = createHmac("sha256", TOKEN).update(rawBody).digest("hex");
    expectFailure(verifyTwilioSignature(input({ rawBody, signature: bareHex })), "signature does not match");
  });

  it("rejects a missing or empty X-Twilio-Signature header", () => {
    const { rawBody } = twilioRequest(CALLBACK);
    expectFailure(
      verifyTwilioSignature(input({ rawBody, signature: null })),
      "X-Twilio-Signature header is missing",
    );
    expectFailure(
      verifyTwilioSignature(input({ rawBody, signature: "" })),
      "X-Twilio-Signature header is missing",
    );
  });

  it("fails plainly when no auth token is configured", () => {
    const request = twilioRequest(CALLBACK);
    expectFailure(
      verifyTwilioSignature(input({ ...request, authTokens: [] })),
      "no Twilio auth token configured",
    );
    expectFailure(
      verifyTwilioSignature(input({ ...request, authTokens: [""] })),
      "no Twilio auth token configured",
    );
  });

  it("accepts a request signed with an empty value, which still contributes its key", () => {
    const request = twilioRequest([...CALLBACK, ["Body", ""], ["ErrorCode", ""]]);
    expect(request.rawBody).toContain("Body=&");
    expect(verifyTwilioSignature(input(request)).ok).toBe(true);
    const withoutEmpty = parseForm(request.rawBody);
    delete withoutEmpty.Body;
    expectFailure(
      verifyTwilioSignature(input({ ...request, params: withoutEmpty })),
      "signature does not match",
    );
  });

  it("accepts repeated keys only when every value is kept", () => {
    const request = twilioRequest([...CALLBACK, ["Tag", "b"], ["Tag", "a"]]);
    expect(parseForm(request.rawBody).Tag).toEqual(["b", "a"]);
    expect(verifyTwilioSignature(input(request)).ok).toBe(true);
    const lastWins = { ...parseForm(request.rawBody), Tag: "a" };
    expectFailure(verifyTwilioSignature(input({ ...request, params: lastWins })), "signature does not match");
  });

  it("decodes %2B as '+' and '+' as a space before checking", () => {
    const request = twilioRequest([...CALLBACK, ["Body", "Hello World"], ["Note", "1+1=2"]]);
    expect(request.rawBody).toContain("To=%2B14155550100");
    expect(request.rawBody).toContain("Body=Hello+World");
    expect(verifyTwilioSignature(input(request)).ok).toBe(true);
    const plusAsSpace = { ...parseForm(request.rawBody), To: " 14155550100" };
    expectFailure(
      verifyTwilioSignature(input({ ...request, params: plusAsSpace })),
      "signature does not match",
    );
  });
});

describe("verifyTwilioSignature: JSON bodies with bodySHA256", () => {
  const body = JSON.stringify({ MessageSid: "SM1", MessageStatus: "delivered" });
  const url = `${URL_PUBLIC}?bodySHA256=${twilio.getExpectedBodyHash(body)}`;
  const signature = twilio.getExpectedTwilioSignature(TOKEN, url, {});
  const jsonInput = (rawBody: string) =>
    input({ rawBody, params: {}, signature, publicUrl: url, contentType: "application/json; charset=utf-8" });

  it("accepts the body whose hash the signed URL carries", () => {
    expect(verifyTwilioSignature(jsonInput(body))).toEqual({ ok: true, verified: true, secretIndex: 0 });
  });

  it("rejects a tampered JSON body", () => {
    const tampered = body.replace("delivered", "failed");
    const diagnosis = expectFailure(
      verifyTwilioSignature(jsonInput(tampered)),
      /body does not match its bodySHA256/,
    );
    expect(diagnosis).toMatchObject({ mode: "json-body-sha256" });
  });

  it("rejects a JSON body when the URL carries no bodySHA256", () => {
    const unsigned = twilio.getExpectedTwilioSignature(TOKEN, URL_PUBLIC, {});
    const result = verifyTwilioSignature(
      input({ rawBody: body, params: {}, signature: unsigned, contentType: "application/json" }),
    );
    expectFailure(result, /no bodySHA256/);
  });
});

describe("verifyTwilioSignature: secrets and algorithms", () => {
  afterEach(() => vi.restoreAllMocks());

  it("accepts any configured token during a rotation and reports which one matched", () => {
    const request = twilioRequest(CALLBACK, URL_PUBLIC, TOKEN);
    const result = verifyTwilioSignature(input({ ...request, authTokens: [OLD_TOKEN, TOKEN] }));
    expect(result).toEqual({ ok: true, verified: true, secretIndex: 1 });
    const withBlank = verifyTwilioSignature(input({ ...request, authTokens: ["", TOKEN] }));
    expect(withBlank).toEqual({ ok: true, verified: true, secretIndex: 1 });
  });

  it("verifies a SharedKey HMAC-SHA256 signature named in the settings header", () => {
    const settings = "key=webhooks_sharedkey_0123,algorithm=HMAC_SHA256";
    const request = twilioRequest(CALLBACK, URL_PUBLIC, SHARED_KEY_SECRET, twilio.HMAC_SHA256);
    const result = verifyTwilioSignature(
      input({ ...request, signatureSettings: settings, authTokens: [TOKEN, SHARED_KEY_SECRET] }),
    );
    expect(result).toEqual({ ok: true, verified: true, secretIndex: 1 });
    // Same signature without the header is checked as HMAC-SHA1 and fails.
    expectFailure(
      verifyTwilioSignature(input({ ...request, authTokens: [TOKEN, SHARED_KEY_SECRET] })),
      "signature does not match",
    );
  });

  it("rejects an HMAC-SHA1 signature when the header announces HMAC_SHA256", () => {
    const request = twilioRequest(CALLBACK);
    const result = verifyTwilioSignature(
      input({ ...request, signatureSettings: "key=k,algorithm=HMAC_SHA256" }),
    );
    expect(expectFailure(result, "signature does not match")).toMatchObject({ algorithm: "HMAC_SHA256" });
  });

  it("rejects an unknown algorithm without asking the helper", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const request = twilioRequest(CALLBACK);
    const result = verifyTwilioSignature(
      input({ ...request, signatureSettings: "key=k,algorithm=HMAC_MD5" }),
    );
    expectFailure(
      result,
      'unsupported signature algorithm "HMAC_MD5" in X-Twilio-Webhooks-Signature-Settings',
    );
    expect(warn).not.toHaveBeenCalled();
  });
});
