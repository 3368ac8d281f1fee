// The ingest transaction's statements, one per step for the whole batch: rows travel as one JSON
// parameter (jsonb_to_recordset) through Prisma's raw queries. Building every row through Prisma's query
// builder cost more CPU per webhook than the whole Next.js layer (docs/benchmarks.md).
import type { TransactionClient } from "../messages/tx";
import { toJsonParam } from "../db/json-param";
import type { RequestRecord } from "./types";

export interface DeliveryRow {
  provider: string;
  delivery_id: string;
  request_id: string;
}

/** Inserts delivery identities; returns the request ids that won (the rest are redeliveries). */
export async function insertDeliveries(tx: TransactionClient, rows: DeliveryRow[]): Promise<Set<string>> {
  const won = await tx.$queryRawUnsafe<Array<{ request_id: string }>>(
    `INSERT INTO webhook_delivery (provider, delivery_id, request_id)
     SELECT provider, delivery_id, request_id FROM jsonb_to_recordset($1::jsonb) AS r(provider text, delivery_id text, request_id uuid)
     ON CONFLICT DO NOTHING RETURNING request_id::text`,
    toJsonParam(rows),
  );
  return new Set(won.map((r) => r.request_id));
}

/** The request that first delivered each (provider, delivery id). */
export async function findDeliveryOriginals(
  tx: TransactionClient,
  pairs: Array<{ provider: string; delivery_id: string }>,
): Promise<Map<string, string>> {
  const rows = await tx.$queryRawUnsafe<Array<{ provider: string; delivery_id: string; request_id: string }>>(
    `SELECT d.provider, d.delivery_id, d.request_id::text FROM webhook_delivery d
       JOIN jsonb_to_recordset($1::jsonb) AS p(provider text, delivery_id text) USING (provider, delivery_id)`,
    toJsonParam(pairs),
  );
  return new Map(rows.map((r) => [`${r.provider}\u0000${r.delivery_id}`, r.request_id]));
}

/** Takes back the delivery identities of requests answered 404 (strict mode), so their retries count. */
export async function deleteDeliveries(tx: TransactionClient, rows: DeliveryRow[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `DELETE FROM webhook_delivery d USING jsonb_to_recordset($1::jsonb) AS r(provider text, delivery_id text, request_id uuid)
      WHERE d.provider = r.provider AND d.delivery_id = r.delivery_id AND d.request_id = r.request_id`,
    toJsonParam(rows),
  );
}

export interface EventRow {
  provider: string;
  channel: string;
  effect_key: string;
  delivery_id: string;
  request_id: string;
  external_id: string;
  message_id: string | null;
  event_type: string;
  status: string;
  occurred_at: string | null;
  received_at: string;
  recipient: string | null;
  sender: string | null;
  error_code: string | null;
  error_message: string | null;
  bounce_type: string | null;
  bounce_sub_type: string | null;
  embedded_message_id: string | null;
  details: Record<string, unknown>;
}

/** Inserts events; a row whose effect key is already stored is skipped (it is a duplicate effect). */
export async function insertEvents(
  tx: TransactionClient,
  rows: EventRow[],
): Promise<Array<{ id: bigint; request_id: string; message_id: string | null }>> {
  return tx.$queryRawUnsafe(
    `INSERT INTO message_event (provider, channel, effect_key, delivery_id, request_id, external_id, message_id, event_type,
       status, occurred_at, received_at, recipient, sender, error_code, error_message, bounce_type, bounce_sub_type,
       embedded_message_id, details)
     SELECT provider, channel, effect_key, delivery_id, request_id, external_id, message_id, event_type, status, occurred_at,
            received_at, recipient, sender, error_code, error_message, bounce_type, bounce_sub_type, embedded_message_id, details
       FROM jsonb_to_recordset($1::jsonb) AS r(provider text, channel text, effect_key text, delivery_id text, request_id uuid,
            external_id text, message_id uuid, event_type text, status text, occurred_at timestamptz, received_at timestamptz,
            recipient text, sender text, error_code text, error_message text, bounce_type text, bounce_sub_type text,
            embedded_message_id text, details jsonb)
     ON CONFLICT (provider, effect_key) DO NOTHING
     RETURNING id, request_id::text, message_id::text`,
    toJsonParam(rows),
  );
}

/** The stored event (its request and message) for each (provider, effect key). */
export async function findEventOriginals(
  tx: TransactionClient,
  pairs: Array<{ provider: string; effect_key: string }>,
): Promise<Map<string, { requestId: string; messageId: string | null }>> {
  const rows = await tx.$queryRawUnsafe<
    Array<{ provider: string; effect_key: string; request_id: string; message_id: string | null }>
  >(
    `SELECT e.provider, e.effect_key, e.request_id::text, e.message_id::text FROM message_event e
       JOIN jsonb_to_recordset($1::jsonb) AS p(provider text, effect_key text) USING (provider, effect_key)`,
    toJsonParam(pairs),
  );
  return new Map(
    rows.map((r) => [
      `${r.provider}\u0000${r.effect_key}`,
      { requestId: r.request_id, messageId: r.message_id },
    ]),
  );
}

/** The sequence numbers one committed batch took (first..last, both included). */
export interface SeqRange {
  first: bigint;
  last: bigint;
}

/** The live log's NOTIFY channel: one notification per committed batch, carrying "first:last". */
export const LIVE_LOG_CHANNEL = "signalboard_live_log";

/**
 * One webhook_request row per request; returns the batch's sequence range and notifies it (delivered by
 * PostgreSQL at commit, so listeners only hear of committed rows). The transaction-scoped advisory lock
 * taken before the sequence numbers are drawn makes their order the commit order, across transactions and
 * instances: a reader who has seen N has seen every row below N, so resuming after N misses nothing. It is
 * held only from this last statement to the commit, once per batch.
 */
export async function insertRequests(
  tx: TransactionClient,
  records: RequestRecord[],
): Promise<SeqRange | null> {
  const [range] = await tx.$queryRawUnsafe<Array<{ first: bigint | null; last: bigint | null }>>(
    `WITH seq_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended('signalboard:webhook_request.seq', 0))),
     inserted AS (
     INSERT INTO webhook_request (id, received_at, provider, outcome, http_status, reason, diagnosis, duration_ms, event_type,
       external_id, delivery_id, verified, source_ip, method, path, query, content_type, headers, body, body_bytes,
       body_truncated, duplicate_of, message_id, summary_count, replay_of, signature_headers)
     SELECT "id", "receivedAt", "provider", "outcome", "httpStatus", "reason", "diagnosis", "durationMs", "eventType",
            "externalId", "deliveryId", "verified", "sourceIp", "method", "path", "query", "contentType",
            coalesce("headers", '{}'::jsonb), "body", "bodyBytes", "bodyTruncated", "duplicateOf", "messageId", "summaryCount",
            "replayOf", "signatureHeaders"
       FROM seq_lock, jsonb_to_recordset($1::jsonb) AS r("id" uuid, "receivedAt" timestamptz, "provider" text, "outcome" text,
            "httpStatus" int, "reason" text, "diagnosis" jsonb, "durationMs" real, "eventType" text, "externalId" text,
            "deliveryId" text, "verified" boolean, "sourceIp" text, "method" text, "path" text, "query" text,
            "contentType" text, "headers" jsonb, "body" text, "bodyBytes" int, "bodyTruncated" boolean,
            "duplicateOf" uuid, "messageId" uuid, "summaryCount" int,
            "replayOf" uuid, "signatureHeaders" jsonb)
     RETURNING seq),
     range AS (SELECT min(seq) AS first, max(seq) AS last FROM inserted)
     SELECT first, last, pg_notify('${LIVE_LOG_CHANNEL}', first || ':' || last) IS NULL AS notified FROM range`,
    toJsonParam(records),
  );
  return range?.first != null && range.last != null ? { first: range.first, last: range.last } : null;
}
