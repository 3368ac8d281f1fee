// Replays one stored request through the ingest pipeline: the same verification rule (see
// ./eligibility.ts), the same parsing (readVerifiedEvent) and the same batch writer, so its effects are
// exactly-once like any redelivery's: a replay of an accepted request ends as a duplicate. The replay is a
// new webhook_request row whose replay_of names the original; the original row is never changed.
// Verifying again uses the providers' official libraries as ingest does, both comparing in constant time:
// twilio's validateRequest (crypto.timingSafeEqual), and for Resend the expected signature computed by
// standardwebhooks' Webhook.sign, compared with timingSafeEqual (lib/providers/resend/verify.ts).
import { randomUUID } from "node:crypto";
import type { Config } from "../config/schema";
import type { Database } from "../db/open";
import { StorageUnavailableError } from "../ingest/batch-writer";
import { getIngestRuntime } from "../ingest/runtime";
import type { Outcome, RequestRecord } from "../ingest/types";
import { joinReason, readVerifiedEvent } from "../ingest/verified-event";
import { getProviderAdapter, isProvider } from "../providers/registry";
import { replayability } from "./eligibility";
import type { StoredRequest } from "./stored-request";

export type ReplayResult =
  | { status: "replayed"; replayId: string; outcome: Outcome; verification: "at_receipt" | "now" }
  | { status: "still_failing"; reason: string }
  | { status: "ineligible"; reason: string }
  | { status: "unavailable"; reason: string };

export interface ReplayActor {
  label: string;
}

export async function replayStoredRequest(
  db: Database,
  config: Config,
  row: StoredRequest,
  actor: ReplayActor,
): Promise<ReplayResult> {
  const started = performance.now();
  if (!isProvider(row.provider))
    return { status: "ineligible", reason: `unknown provider "${row.provider}"` };
  const replayable = replayability(row);
  if (replayable.kind === "ineligible") return { status: "ineligible", reason: replayable.reason };
  const adapter = getProviderAdapter(row.provider);

  const headers = new Headers(row.headers);
  if (replayable.kind === "verify_now") {
    for (const [name, value] of Object.entries(replayable.signatureHeaders)) headers.set(name, value);
  }
  const examined = adapter.examine({
    // The current configuration: secrets and WEBHOOK_BASE_URL as they are now, after a fix.
    config,
    headers,
    rawBody: row.body!,
    query: row.query,
    contentType: row.contentType,
    // Resend's signed timestamp was fresh when the request arrived, not when it is replayed.
    verifyAt: row.receivedAt,
    verifiedAtReceipt:
      replayable.kind === "verified_at_receipt" ? { ok: true, verified: true, secretIndex: -1 } : undefined,
  });
  const { verification } = examined;
  if (!verification.ok) return { status: "still_failing", reason: verification.reason };

  const verifiedNow = replayable.kind === "verify_now";
  const record: RequestRecord = {
    id: randomUUID(),
    receivedAt: new Date(),
    provider: row.provider,
    outcome: "error",
    httpStatus: 500,
    reason: `replay of ${row.id} by ${actor.label}${verifiedNow ? ", verified now against the current configuration" : ", verified when received"}`,
    diagnosis: null,
    durationMs: 0,
    eventType: null,
    externalId: null,
    deliveryId: examined.deliveryId,
    verified: verification.verified,
    // Nobody sent it over the network this time.
    sourceIp: null,
    method: row.method,
    path: row.path,
    query: row.query,
    contentType: row.contentType,
    headers: row.headers,
    body: row.body,
    bodyBytes: row.bodyBytes,
    bodyTruncated: false,
    duplicateOf: null,
    messageId: null,
    summaryCount: null,
    replayOf: row.id,
  };
  if (!verification.verified)
    record.reason = joinReason(
      record.reason,
      "processed WITHOUT signature verification (VERIFY_WEBHOOK_SIGNATURES=false)",
    );

  const step = readVerifiedEvent(record, examined, true);
  if (!step.ok) {
    record.outcome = "invalid";
    record.httpStatus = 400;
    record.reason = joinReason(record.reason, step.reason);
  }
  record.durationMs = Math.round((performance.now() - started) * 100) / 100;
  try {
    const stored = await getIngestRuntime(db, config).writer.submit({
      record,
      event: step.ok ? step.event : null,
    });
    return {
      status: "replayed",
      replayId: stored.requestId,
      outcome: stored.outcome,
      verification: verifiedNow ? "now" : "at_receipt",
    };
  } catch (error) {
    if (error instanceof StorageUnavailableError) return { status: "unavailable", reason: error.message };
    throw error;
  }
}
