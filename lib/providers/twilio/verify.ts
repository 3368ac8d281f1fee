// Signature checks go through the official twilio helpers only; this file decides which helper,
// which secrets and which algorithm, and explains a failure in plain words without leaking a secret.
import twilio from "twilio";
import { isJsonContentType } from "../content-type";
import type { VerificationResult } from "../types";
import type { FormParams } from "./form";

export const PUBLIC_URL_HINT =
  "Twilio signs the public URL it called; set WEBHOOK_BASE_URL to the public origin (scheme, host, port) that Twilio calls";

export interface TwilioSignatureInput {
  /** Auth tokens (or SharedKey secrets) in order; several during a rotation, any may match. */
  authTokens: string[];
  /** X-Twilio-Signature header. */
  signature: string | null;
  /** X-Twilio-Webhooks-Signature-Settings header (`key=<id>,algorithm=HMAC_SHA256`), if sent. */
  signatureSettings: string | null;
  /** The absolute URL Twilio called, see buildPublicUrl. */
  publicUrl: string;
  /** parseForm(rawBody) for form callbacks. */
  params: FormParams;
  rawBody: string;
  contentType: string | null;
}

const SUPPORTED_ALGORITHMS: readonly string[] = [twilio.HMAC_SHA1, twilio.HMAC_SHA256];

function hasBodyHash(url: string): boolean {
  const withoutFragment = url.split("#")[0];
  const queryStart = withoutFragment.indexOf("?");
  return queryStart !== -1 && new URLSearchParams(withoutFragment.slice(queryStart + 1)).has("bodySHA256");
}

function isAbsoluteHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

export function verifyTwilioSignature(input: TwilioSignatureInput): VerificationResult {
  const { signature, publicUrl } = input;
  const algorithm = twilio.getSignatureAlgorithm(input.signatureSettings);
  // The official express helper switches on bodySHA256 in the URL alone; so do we, so the body hash
  // is always enforced when the URL promises one.
  const mode = hasBodyHash(publicUrl) ? "json-body-sha256" : "form";
  const diagnosis = {
    checkedUrl: publicUrl,
    hint: PUBLIC_URL_HINT,
    mode,
    algorithm,
    signatureSettings: input.signatureSettings,
  };
  const fail = (reason: string, extra: Record<string, unknown> = {}): VerificationResult => ({
    ok: false,
    reason,
    diagnosis: { ...diagnosis, ...extra },
  });

  // An empty secret would make the HMAC forgeable by anyone, so it never counts as configured.
  const secrets = input.authTokens
    .map((secret, index) => ({ secret, index }))
    .filter(({ secret }) => secret !== "");
  if (secrets.length === 0) return fail("no Twilio auth token configured");
  if (!signature) return fail("X-Twilio-Signature header is missing");
  if (!SUPPORTED_ALGORITHMS.includes(algorithm.toUpperCase())) {
    return fail(`unsupported signature algorithm "${algorithm}" in X-Twilio-Webhooks-Signature-Settings`);
  }
  if (!isAbsoluteHttpUrl(publicUrl)) return fail("the URL to check is not an absolute http(s) URL");
  if (mode === "form" && isJsonContentType(input.contentType)) {
    // Twilio covers a JSON body only through bodySHA256; without it the body would be unsigned.
    return fail("JSON body but no bodySHA256 in the URL, so the body is not covered by the signature");
  }

  try {
    for (const { secret, index } of secrets) {
      const valid =
        mode === "form"
          ? twilio.validateRequest(secret, signature, publicUrl, input.params, algorithm)
          : twilio.validateRequestWithBody(secret, signature, publicUrl, input.rawBody, algorithm);
      if (valid) return { ok: true, verified: true, secretIndex: index };
    }
    if (
      mode === "json-body-sha256" &&
      secrets.some(({ secret }) => twilio.validateRequest(secret, signature, publicUrl, {}, algorithm))
    ) {
      return fail("the URL signature matches but the body does not match its bodySHA256");
    }
  } catch (error) {
    return fail("the signature could not be checked", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return fail("signature does not match", { secretsTried: secrets.length });
}
