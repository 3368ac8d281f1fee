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
}

/** Verification is skipped only when configured off, which the config refuses in production. */
export function verificationDisabled(config: Config): boolean {
  return !config.VERIFY_WEBHOOK_SIGNATURES && config.NODE_ENV !== "production";
}
