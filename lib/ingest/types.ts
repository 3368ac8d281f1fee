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
