// Requests as Twilio sends them, signed by the official library: shared by the verify tests.
import twilio from "twilio";
import { expect } from "vitest";
import { parseForm } from "./form";
import { verifyTwilioSignature, type TwilioSignatureInput } from "./verify";

export const TOKEN = "tok_live_0123456789abcdef0123456789ab";
export const OLD_TOKEN = "tok_old_fedcba9876543210fedcba987654";
export const SHARED_KEY_SECRET = "sharedkey_secret_9f8e7d6c5b4a39281706";
export const URL_PUBLIC = "https://hooks.example.com/webhooks/twilio";

export type Pairs = Array<[string, string]>;

export const CALLBACK: Pairs = [
  ["MessageSid", "SM0123456789abcdef0123456789abcdef"],
  ["MessageStatus", "delivered"],
  ["To", "+14155550100"],
  ["From", "+14155550199"],
  ["AccountSid", "AC0123456789abcdef0123456789abcdef"],
  ["ApiVersion", "2010-04-01"],
];

const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");

/** What Twilio sends: the body as the wire carries it, signed by the official library over the values. */
export function twilioRequest(pairs: Pairs, url = URL_PUBLIC, token = TOKEN, algorithm?: string) {
  const signedParams: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const previous = signedParams[key];
    signedParams[key] = previous === undefined ? value : [previous, value].flat();
  }
  return {
    rawBody: pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join("&"),
    signature: twilio.getExpectedTwilioSignature(token, url, signedParams, algorithm),
  };
}

export function input(overrides: Partial<TwilioSignatureInput> & { rawBody: string }): TwilioSignatureInput {
  return {
    authTokens: [TOKEN],
    signature: null,
    signatureSettings: null,
    publicUrl: URL_PUBLIC,
    params: parseForm(overrides.rawBody),
    contentType: "application/x-www-form-urlencoded",
    ...overrides,
  };
}

export function expectFailure(result: ReturnType<typeof verifyTwilioSignature>, reason: string | RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (typeof reason === "string") expect(result.reason).toBe(reason);
  else expect(result.reason).toMatch(reason);
  const serialized = JSON.stringify(result);
  for (const secret of [TOKEN, OLD_TOKEN, SHARED_KEY_SECRET]) expect(serialized).not.toContain(secret);
  return result.diagnosis;
}
