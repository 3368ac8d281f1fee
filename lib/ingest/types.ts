// What flows through ingest: the row recorded for every request, and the job handed to the batch writer.
import type { ParsedWebhook, Provider } from "../providers/types";
import type { Outcome } from "./outcomes";

export type { Outcome } from "./outcomes";

/** One webhook_request row. */
export interface RequestRecord {
  id: string;
  receivedAt: Date;
  provider: Provider;
  outcome: Outcome;
  httpStatus: number;
  reason: string | null;
  diagnosis: Record<string, unknown> | null;
  durationMs: number;
  eventType: string | null;
  externalId: string | null;
  deliveryId: string | null;
  verified: boolean;
  sourceIp: string | null;
  method: string;
  path: string;
  query: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  body: string | null;
  bodyBytes: number;
  bodyTruncated: boolean;
  duplicateOf: string | null;
  messageId: string | null;
  summaryCount: number | null;
  /** For a replay (lib/replay/): the stored request it replays. */
  replayOf?: string | null;
  /**
   * Rejected-signature requests only: the signature headers as received, kept so the request can be
   * re-verified after a configuration fix. Left unset on every other request (the hot path).
   */
  signatureHeaders?: Record<string, string> | null;
}

/** A request ready to store: rejected ones carry no event; verified ones carry the parsed event. */
export interface IngestJob {
  record: RequestRecord;
  event: ParsedWebhook | null;
}

/** What the write decided for a job, after commit. */
export interface StoredResult {
  requestId: string;
  outcome: Outcome;
  httpStatus: number;
  duplicateOf: string | null;
  messageId: string | null;
}
