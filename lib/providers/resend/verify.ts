// Verifies a Resend (Svix) webhook: HMAC-SHA256 over `${id}.${timestamp}.${rawBody}` keyed with the
// base64-decoded whsec_ secret. The HMAC is computed by the official standardwebhooks `Webhook`; the
// timestamp window is checked here because the library reads Date.now() and cannot take a clock.

import { timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { VerificationResult } from "../types";
import { readDeliveryHeaders, readHeader, type DeliveryHeaders, type HeaderInput } from "./headers";
import { parseSignatureHeader, signatureHint } from "./signature-header";

/** Same window as standardwebhooks: inclusive at exactly 300 s in both directions. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export interface VerifyResendSignatureInput {
  /** whsec_ secrets; several while a rotation is in progress. */
  secrets: string[];
  headers: HeaderInput;
  /** The request body exactly as received: re-serialised JSON never matches. */
  rawBody: string;
  now?: Date;
}

type Failure = Extract<VerificationResult, { ok: false }>;

function fail(reason: string, diagnosis: Record<string, unknown>): Failure {
  return { ok: false, reason, diagnosis };
}

function loadKeys(secrets: string[]) {
  const usable: Array<{ index: number; webhook: Webhook }> = [];
  const invalid: Array<{ index: number; error: string }> = [];
  secrets.forEach((secret, index) => {
    try {
      usable.push({ index, webhook: new Webhook(secret.trim()) });
    } catch (error) {
      // The library's messages ("Secret can't be empty.", "Base64Coder: ...") never quote the secret.
      invalid.push({ index, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return { usable, invalid };
}

function missingHeaders(values: DeliveryHeaders, headers: HeaderInput): Failure | null {
  const missing = (["id", "timestamp", "signature"] as const).filter((field) => values[field] === null);
  if (missing.length === 0) return null;
  const names = missing.map((field) => `svix-${field}`);
  const wrongScheme = ["resend-signature", "x-resend-signature"].find((name) => readHeader(headers, name));
  return fail(`missing header(s): ${names.join(", ")}`, {
    missingHeaders: names,
    alsoAccepted: missing.map((field) => `webhook-${field}`),
    ...(wrongScheme && {
      hint: `'${wrongScheme}' is not a Resend header; Resend signs through Svix with svix-id, svix-timestamp and svix-signature.`,
    }),
  });
}

function checkTimestamp(header: string, source: string | null, now: Date): Failure | { signedAt: Date } {
  if (!/^\d+$/.test(header)) {
    return fail("invalid timestamp header", {
      header: source,
      value: header,
      expected: "unix time in seconds",
    });
  }
  const timestamp = Number(header);
  const serverTime = Math.floor(now.getTime() / 1000);
  const facts = { header: source, timestamp, serverTime, toleranceSeconds: TIMESTAMP_TOLERANCE_SECONDS };
  if (serverTime - timestamp > TIMESTAMP_TOLERANCE_SECONDS) {
    const skewSeconds = serverTime - timestamp;
    return fail(`timestamp too old: ${skewSeconds} s behind the server clock`, { ...facts, skewSeconds });
  }
  if (timestamp > serverTime + TIMESTAMP_TOLERANCE_SECONDS) {
    const skewSeconds = timestamp - serverTime;
    const looksLikeMs = header.length >= 13;
    return fail(`timestamp too new: ${skewSeconds} s ahead of the server clock`, {
      ...facts,
      skewSeconds,
      ...(looksLikeMs && { hint: "The timestamp looks like milliseconds; Svix sends seconds." }),
    });
  }
  return { signedAt: new Date(timestamp * 1000) };
}

function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verifyResendSignature({
  secrets,
  headers,
  rawBody,
  now = new Date(),
}: VerifyResendSignatureInput): VerificationResult {
  const keys = loadKeys(secrets);
  if (keys.usable.length === 0) {
    return fail("no usable signing secret configured", {
      secretsConfigured: secrets.length,
      invalidSecrets: keys.invalid,
    });
  }

  const { values, sources } = readDeliveryHeaders(headers);
  const missing = missingHeaders(values, headers);
  if (missing) return missing;
  const { id, timestamp, signature } = values as { [K in keyof DeliveryHeaders]: string };

  const window = checkTimestamp(timestamp, sources.timestamp, now);
  if ("ok" in window) return window;

  const entries = parseSignatureHeader(signature);
  for (const { index, webhook } of keys.usable) {
    const expected = webhook.sign(id, window.signedAt, rawBody).slice("v1,".length);
    if (entries.v1.some((digest) => sameDigest(digest, expected))) {
      return { ok: true, verified: true, secretIndex: index };
    }
  }

  return fail(`no v1 signature matched (${entries.v1.length} v1 of ${entries.total} entries)`, {
    svixId: id,
    timestamp: Number(timestamp),
    headers: sources,
    signatureEntries: entries.total,
    v1Entries: entries.v1.length,
    otherVersions: entries.otherVersions,
    unversionedEntries: entries.unversioned,
    secretsTried: keys.usable.length,
    ...(keys.invalid.length > 0 && { invalidSecrets: keys.invalid }),
    bodyLength: rawBody.length,
    hint: signatureHint(entries),
  });
}
