// The contract a provider folder implements (lib/providers/<provider>/adapter.ts): what the ingest
// pipeline needs from a provider — its path, what it sends, how to check and read it.
import type { Config } from "../config/schema";
import type { ParseResult, Provider, VerificationResult } from "./types";

export interface ExamineInput {
  config: Config;
  headers: Headers;
  rawBody: string;
  /** The raw query string as received, without "?". */
  query: string | null;
  contentType: string | null;
  /**
   * The clock a signed timestamp (Resend's) is checked against: now at ingest, and the time the request
   * was received when it is verified again later (lib/replay/), never the time of the replay.
   */
  verifyAt: Date;
  /**
   * Replays only (lib/replay/): the verification the request passed when it was received. Its signature
   * headers were not kept (they are kept for rejected requests only), so it cannot be checked again; the
   * stored body is the body that verified, so the earlier result still holds for it.
   */
  verifiedAtReceipt?: Extract<VerificationResult, { ok: true }>;
}

export interface Examined {
  verification: VerificationResult;
  deliveryId: string | null;
  /** Read from the body before verification, for the log row of a rejected request only. */
  claimedEventType: string | null;
  claimedExternalId: string | null;
  parse(): ParseResult;
}

export interface ProviderAdapter {
  provider: Provider;
  path(config: Config): string;
  /** The content types this provider sends; anything else is answered 415. */
  acceptsContentType(contentType: string | null, query: string | null): boolean;
  expectedContentType: string;
  examine(input: ExamineInput): Examined;
  /**
   * The headers that carry the request's signature, as received (empty when it sent none): stored for
   * rejected-signature requests only, so they can be verified again after a fix.
   */
  signatureHeaders(headers: Headers): Record<string, string>;
}

/** The named headers present in `headers`. */
export function pickHeaders(headers: Headers, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

/** Verification is skipped only when configured off, which the config refuses in production. */
export function verificationDisabled(config: Config): boolean {
  return !config.VERIFY_WEBHOOK_SIGNATURES && config.NODE_ENV !== "production";
}
