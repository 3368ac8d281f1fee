// The ingest pipeline for one request: size → content type → signature → payload → durable write → answer.
// Every request ends as a webhook_request row, whatever its outcome; 2xx only after the commit.
import { randomUUID } from "node:crypto";
import { getConfig } from "../env";
import { DatabaseUnavailableError, getDatabase, readyDatabase } from "../db/runtime";
import { isShuttingDown } from "../lifecycle";
import { logger, maskRecipient } from "../logger";
import type { ParsedWebhook } from "../providers/types";
import { StorageUnavailableError } from "./batch-writer";
import type { ProviderAdapter } from "../providers/adapter";
import { readBody } from "./read-body";
import { describeRequest } from "./request-facts";
import { rejectionResponse, REJECTION, storedResponse } from "./respond";
import { getIngestRuntime } from "./runtime";
import { countUnavailableAnswer } from "./unavailable-count";
import { joinReason, readVerifiedEvent } from "./verified-event";
import type { IngestJob, Outcome, RequestRecord, StoredResult } from "./types";

type Rejection = keyof typeof REJECTION;

export async function handleWebhook(adapter: ProviderAdapter, request: Request): Promise<Response> {
  const started = performance.now();
  const config = getConfig();
  const facts = describeRequest(request, config.TRUSTED_PROXY_HOPS);
  const record: RequestRecord = {
    id: randomUUID(),
    receivedAt: new Date(),
    provider: adapter.provider,
    outcome: "error",
    httpStatus: 500,
    reason: null,
    diagnosis: null,
    durationMs: 0,
    eventType: null,
    externalId: null,
    deliveryId: null,
    verified: false,
    sourceIp: facts.sourceIp,
    method: facts.method,
    path: adapter.path(config),
    query: facts.query,
    contentType: facts.contentType,
    headers: facts.headers,
    body: null,
    bodyBytes: 0,
    bodyTruncated: false,
    duplicateOf: null,
    messageId: null,
    summaryCount: null,
  };
  if (isShuttingDown()) return unavailable(record, "shutting_down", "instance shutting down");

  const maxBytes = config.WEBHOOK_MAX_BODY_BYTES;
  const body = await readBody(request, maxBytes, config.WEBHOOK_BODY_TIMEOUT * 1000);
  if (body.incomplete) {
    const kind = body.incomplete.kind === "timeout" ? "body_timeout" : "aborted";
    return rejectThrottled(record, kind, body.incomplete.detail, started);
  }
  record.bodyBytes = body.bytes;
  record.body = body.text;
  record.bodyTruncated = body.tooLarge;
  if (body.tooLarge) {
    return rejectThrottled(
      record,
      "too_large",
      `body of ${body.bytes} bytes exceeds WEBHOOK_MAX_BODY_BYTES (${maxBytes})`,
      started,
    );
  }
  if (!adapter.acceptsContentType(facts.contentType, facts.query)) {
    return rejectThrottled(
      record,
      "unsupported_media_type",
      `Content-Type "${facts.contentType ?? "(none)"}" is not what ${adapter.provider} sends (${adapter.expectedContentType})`,
      started,
    );
  }

  const examined = adapter.examine({
    config,
    headers: request.headers,
    rawBody: body.text,
    query: facts.query,
    contentType: facts.contentType,
    verifyAt: new Date(),
  });
  record.deliveryId = examined.deliveryId;
  const { verification } = examined;
  if (!verification.ok) {
    record.eventType = examined.claimedEventType;
    record.externalId = examined.claimedExternalId;
    record.diagnosis = verification.diagnosis;
    // Kept (in a column of its own, never shown in full) so the request can be verified again after a fix.
    record.signatureHeaders = adapter.signatureHeaders(request.headers);
    return rejectThrottled(
      record,
      "rejected_signature",
      `signature rejected: ${verification.reason}`,
      started,
    );
  }
  record.verified = verification.verified;
  if (!verification.verified)
    record.reason = "accepted WITHOUT signature verification (VERIFY_WEBHOOK_SIGNATURES=false)";

  const step = readVerifiedEvent(record, examined, body.validUtf8);
  if (!step.ok) return reject(record, "invalid", step.reason, started, step.issues);
  return store(record, step.event, started);
}

async function store(record: RequestRecord, event: ParsedWebhook, started: number): Promise<Response> {
  const result = await write(record, event, started);
  if (result instanceof Response) return result;
  const log = result.httpStatus >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
  log(
    {
      requestId: result.requestId,
      provider: record.provider,
      outcome: result.outcome,
      eventType: record.eventType,
      externalId: record.externalId,
      recipient: event.kind === "status" ? maskRecipient(event.recipient) : undefined,
      durationMs: record.durationMs,
    },
    "webhook stored",
  );
  if (result.outcome === "error") return rejectionResponse("error", { requestId: result.requestId });
  return storedResponse(result.outcome, result.requestId, result.duplicateOf, result.httpStatus);
}

/** Writes through the batch writer, bounded by WEBHOOK_TIMEOUT; a Response means "could not store". */
async function write(
  record: RequestRecord,
  event: ParsedWebhook | null,
  started: number,
): Promise<StoredResult | Response> {
  let db = readyDatabase();
  if (!db) {
    try {
      db = await getDatabase();
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) return unavailable(record, "unavailable", error.reason);
      throw error;
    }
  }
  const { writer } = getIngestRuntime(db, getConfig());
  record.durationMs = elapsed(started);
  const job: IngestJob = { record, event };
  try {
    // The writer answers within WEBHOOK_TIMEOUT (StorageUnavailableError otherwise) and the shutdown
    // drain waits for it, so no per-request timer or tracking is needed here.
    return await writer.submit(job);
  } catch (error) {
    if (error instanceof StorageUnavailableError) return unavailable(record, "unavailable", error.message);
    throw error;
  }
}

async function reject(
  record: RequestRecord,
  kind: Rejection,
  reason: string,
  started: number,
  issues?: Array<{ path: string; message: string }>,
): Promise<Response> {
  const spec = REJECTION[kind];
  record.outcome = outcomeFor(kind);
  record.httpStatus = spec.status;
  record.reason = joinReason(record.reason, reason);
  logger.warn(
    {
      requestId: record.id,
      provider: record.provider,
      outcome: record.outcome,
      reason: record.reason,
      sourceIp: record.sourceIp,
    },
    "webhook rejected",
  );
  const stored = await write(record, null, started);
  // The rejection stands even when the row could not be written (the structured log is then the record).
  void stored;
  return rejectionResponse(kind, {
    issues,
    requestId: record.id,
    retryAfterSeconds: kind === "rate_limited" ? 60 : undefined,
  });
}

/**
 * Rejections before verification (signature, size, content type, incomplete body) count towards the
 * per-source throttle (over it: 429) and are stored in full within the provider's storage budget, else
 * only counted in a summary row.
 */
async function rejectThrottled(
  record: RequestRecord,
  kind: Rejection,
  reason: string,
  started: number,
): Promise<Response> {
  const config = getConfig();
  let throttle;
  try {
    throttle = getIngestRuntime(await getDatabase(), config).throttle;
  } catch {
    return reject(record, kind, reason, started);
  }
  const decision = throttle.noteRejection(record.provider, record.sourceIp, storedBytes(record));
  const finalKind: Rejection = decision.throttled ? "rate_limited" : kind;
  if (decision.record)
    return reject(
      record,
      finalKind,
      decision.throttled ? `${reason}; source over WEBHOOK_RATE_LIMIT` : reason,
      started,
    );
  logger.warn(
    { requestId: record.id, provider: record.provider, sourceIp: record.sourceIp },
    "rejected request counted in flood summary",
  );
  return rejectionResponse(finalKind, {
    requestId: record.id,
    retryAfterSeconds: decision.throttled ? 60 : undefined,
  });
}

function unavailable(record: RequestRecord, kind: "unavailable" | "shutting_down", reason: string): Response {
  // While the database is down, this log line and the in-memory count are the request's only record.
  countUnavailableAnswer();
  logger.error(
    {
      requestId: record.id,
      provider: record.provider,
      outcome: record.outcome,
      reason,
      eventType: record.eventType,
      externalId: record.externalId,
      deliveryId: record.deliveryId,
      bodyBytes: record.bodyBytes,
    },
    "webhook not stored: answering 503 so the provider retries",
  );
  return rejectionResponse(kind, { requestId: record.id, retryAfterSeconds: 5 });
}

function outcomeFor(kind: Rejection): Outcome {
  switch (kind) {
    case "rejected_signature":
      return "rejected_signature";
    case "too_large":
      return "too_large";
    case "rate_limited":
      return "rate_limited";
    case "body_timeout":
    case "aborted":
      return "aborted";
    case "unsupported_media_type":
    case "invalid":
      return "invalid";
    default:
      return "error";
  }
}

/** About what the request's row takes on disk: body, headers, and the row itself. */
function storedBytes(record: RequestRecord): number {
  return (record.body?.length ?? 0) + JSON.stringify(record.headers).length + 512;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
