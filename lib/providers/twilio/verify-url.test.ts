import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { buildPublicUrl } from "./public-url";
import { twilioRetryFragment } from "./retry-fragment";
import { CALLBACK, expectFailure, input, TOKEN, twilioRequest, URL_PUBLIC } from "./signed-request.fixture";
import { PUBLIC_URL_HINT, verifyTwilioSignature } from "./verify";

describe("verifyTwilioSignature: the URL Twilio signed", () => {
  it("treats https://host and https://host:443 as the same URL, in both directions", () => {
    const withPort = "https://hooks.example.com:443/webhooks/twilio";
    const signedWithout = twilioRequest(CALLBACK, URL_PUBLIC);
    expect(verifyTwilioSignature(input({ ...signedWithout, publicUrl: withPort })).ok).toBe(true);
    const signedWith = twilioRequest(CALLBACK, withPort);
    expect(verifyTwilioSignature(input({ ...signedWith, publicUrl: URL_PUBLIC })).ok).toBe(true);
  });

  it("never drops a non-default port such as :8443 from the URL Twilio signed", () => {
    const nonDefault = "https://hooks.example.com:8443/webhooks/twilio";
    const signedWith = twilioRequest(CALLBACK, nonDefault);
    expect(verifyTwilioSignature(input({ ...signedWith, publicUrl: nonDefault })).ok).toBe(true);
    expect(buildPublicUrl("https://hooks.example.com:8443", "/webhooks/twilio", "")).toBe(nonDefault);
    for (const publicUrl of [URL_PUBLIC, "https://hooks.example.com:443/webhooks/twilio"]) {
      expectFailure(verifyTwilioSignature(input({ ...signedWith, publicUrl })), "signature does not match");
    }
  });

  it("pins a twilio 6.3.1 quirk: a checked URL with :8443 also accepts a signature made without the port", () => {
    // removePort() in the helper strips any port, not only the default one. Harmless (same host, our
    // own token), but pinned so an upgrade that changes it is noticed.
    const signedWithout = twilioRequest(CALLBACK, URL_PUBLIC);
    const publicUrl = "https://hooks.example.com:8443/webhooks/twilio";
    expect(verifyTwilioSignature(input({ ...signedWithout, publicUrl })).ok).toBe(true);
    const otherHost = "https://other.example.com:8443/webhooks/twilio";
    expectFailure(
      verifyTwilioSignature(input({ ...signedWithout, publicUrl: otherHost })),
      "signature does not match",
    );
  });

  it("keeps the query string: the received query passes, a changed or reordered one fails", () => {
    const query = "message_id=msg_123&attempt=1";
    const request = twilioRequest(CALLBACK, `${URL_PUBLIC}?${query}`);
    const check = (rawQuery: string) => {
      const publicUrl = buildPublicUrl("https://hooks.example.com/", "/webhooks/twilio", rawQuery);
      return verifyTwilioSignature(input({ ...request, publicUrl }));
    };
    expect(check(query).ok).toBe(true);
    expectFailure(check("message_id=msg_124&attempt=1"), "signature does not match");
    expectFailure(check("attempt=1&message_id=msg_123"), "signature does not match");
    expectFailure(check(""), "signature does not match");
  });

  it("accepts O'Brien in the query whether it arrives escaped or not", () => {
    const raw = `${URL_PUBLIC}?name=O'Brien`;
    const escaped = `${URL_PUBLIC}?name=O%27Brien`;
    const signedRaw = twilioRequest(CALLBACK, raw);
    expect(verifyTwilioSignature(input({ ...signedRaw, publicUrl: raw })).ok).toBe(true);
    expect(verifyTwilioSignature(input({ ...signedRaw, publicUrl: escaped })).ok).toBe(true);
    const signedEscaped = twilioRequest(CALLBACK, escaped);
    expect(verifyTwilioSignature(input({ ...signedEscaped, publicUrl: raw })).ok).toBe(true);
  });

  it("behind a TLS proxy: the internal http URL fails, the configured public base passes", () => {
    const request = twilioRequest(CALLBACK, `${URL_PUBLIC}?message_id=m1`);
    const internal = "http://10.0.0.7:3000/webhooks/twilio?message_id=m1";
    const diagnosis = expectFailure(
      verifyTwilioSignature(input({ ...request, publicUrl: internal })),
      "signature does not match",
    );
    expect(diagnosis).toMatchObject({ checkedUrl: internal, hint: PUBLIC_URL_HINT });
    const publicUrl = buildPublicUrl("https://hooks.example.com", "/webhooks/twilio", "message_id=m1");
    expect(verifyTwilioSignature(input({ ...request, publicUrl })).ok).toBe(true);
  });

  it("returns a failure instead of throwing for a URL that is not absolute", () => {
    const request = twilioRequest(CALLBACK);
    for (const publicUrl of ["/webhooks/twilio", "hooks.example.com/webhooks/twilio", "ftp://h/p", ""]) {
      expect(() => verifyTwilioSignature(input({ ...request, publicUrl }))).not.toThrow();
      expectFailure(verifyTwilioSignature(input({ ...request, publicUrl })), /not an absolute http\(s\) URL/);
    }
  });

  it("shows why the official helper must not see a relative URL: it throws", () => {
    expect(() => twilio.validateRequest(TOKEN, "bogus", "/webhooks/twilio", {})).toThrow(TypeError);
  });
});

// The status callback carries a connection-override fragment so that Twilio retries our 503s
// (retry-fragment.ts). Twilio does not send the fragment: it requests, and signs, the URL before the "#".
describe("verifyTwilioSignature: a status callback with a connection-override fragment", () => {
  const fragment = twilioRetryFragment({ retryUnknownMessages: false });
  /** What any HTTP client does with a URL: the fragment stays behind, the rest is requested. */
  const requestedUrl = (callback: string) => callback.slice(0, callback.indexOf("#"));

  it("passes: the URL Twilio signs, rebuilt from the request, has no fragment", () => {
    for (const callback of [`${URL_PUBLIC}${fragment}`, `${URL_PUBLIC}?message_id=m1${fragment}`]) {
      const signed = requestedUrl(callback);
      const request = twilioRequest(CALLBACK, signed);
      const rawQuery = signed.includes("?") ? signed.slice(signed.indexOf("?") + 1) : "";
      const publicUrl = buildPublicUrl("https://hooks.example.com", "/webhooks/twilio", rawQuery);
      expect(publicUrl).toBe(signed);
      expect(verifyTwilioSignature(input({ ...request, publicUrl })).ok).toBe(true);
    }
  });

  it("pins twilio-node: validateRequest signs a URL with '#' over the fragment too, so it must never see one", () => {
    const withFragment = `${URL_PUBLIC}${fragment}`;
    const params = Object.fromEntries(CALLBACK);
    const overRequested = twilio.getExpectedTwilioSignature(TOKEN, URL_PUBLIC, params);
    expect(twilio.getExpectedTwilioSignature(TOKEN, withFragment, params)).not.toBe(overRequested);
    expect(twilio.validateRequest(TOKEN, overRequested, withFragment, params)).toBe(false);
    expect(twilio.validateRequest(TOKEN, overRequested, URL_PUBLIC, params)).toBe(true);
  });
});
