// The body of one ingest transaction for a batch of requests (group commit). Identities are enforced by
// unique keys inside the database, never by read-then-write, so copies racing in parallel (in one batch,
// or in two instances) still give one effect:
//   1. delivery identity  (provider, delivery id)  → a redelivered request is a duplicate
//   2. message resolution (mapping strategy)        → our message, or unmatched
//   3. effect identity    (provider, effect key)   → the same status reported twice changes nothing
//   4. effects on messages (status, counters, links) — the message layer
//   5. one webhook_request row per request, whatever its outcome
//   6. the per-minute request rollup (lib/ingest/request-rollup.ts), one delta row per minute × provider × outcome
import type { NormalizedEvent } from "../providers/types";
import {
  applyIngestedEvents,
  resolveMessageIds,
  type InsertedEvent,
  type MessageLayerOptions,
  type TransactionClient,
} from "../messages/ingest-effects";
import { normalizeRecipient } from "../messages/recipients";
import {
  deleteDeliveries,
  findDeliveryOriginals,
  findEventOriginals,
  insertDeliveries,
  insertEvents,
  insertRequests,
  type EventRow,
  type SeqRange,
} from "./batch-sql";
import { addRollupRows, toRollupRows } from "./request-rollup";
import type { IngestJob, RequestRecord, StoredResult } from "./types";

type Decision = {
  outcome: StoredResult["outcome"];
  httpStatus: number;
  duplicateOf: string | null;
  messageId: string | null;
};
type EventJob = IngestJob & { event: NormalizedEvent };

const key = (provider: string, id: string) => `${provider}\u0000${id}`;

export interface StoreOptions extends MessageLayerOptions {
  /** UNKNOWN_MESSAGE_STATUS=404: unmatched events are answered 404 and not remembered, so a retry is processed. */
  strictUnknownMessages: boolean;
}

/** What one batch decided, and the sequence numbers its request rows took (for the live log). */
export interface StoredBatch {
  results: StoredResult[];
  range: SeqRange | null;
}

export async function storeBatch(
  tx: TransactionClient,
  jobs: IngestJob[],
  options: StoreOptions,
): Promise<StoredBatch> {
  const decisions = new Map<IngestJob, Decision>();
  const verified = jobs.filter((j) => j.event !== null);

  // 1. Delivery identity.
  const withDelivery = verified.filter((j) => j.event!.deliveryId);
  if (withDelivery.length) {
    const won = await insertDeliveries(tx, withDelivery.map(deliveryRow));
    const lost = withDelivery.filter((j) => !won.has(j.record.id));
    if (lost.length) {
      const originals = await findDeliveryOriginals(
        tx,
        lost.map((j) => ({ provider: j.record.provider, delivery_id: j.event!.deliveryId! })),
      );
      for (const job of lost) {
        const original = originals.get(key(job.record.provider, job.event!.deliveryId!)) ?? null;
        decisions.set(job, { outcome: "duplicate", httpStatus: 200, duplicateOf: original, messageId: null });
      }
    }
  }
  for (const job of verified) {
    if (!decisions.has(job) && job.event!.kind === "ignored") {
      decisions.set(job, { outcome: "ignored", httpStatus: 200, duplicateOf: null, messageId: null });
    }
  }

  // 2. Which message each new status event belongs to.
  const fresh = verified.filter((j) => !decisions.has(j)) as EventJob[];
  const receivedAt = new Map(fresh.map((j) => [j.event, j.record.receivedAt]));
  const messageIds = await resolveMessageIds(
    tx,
    fresh.map((j) => j.event),
    options,
    (e) => receivedAt.get(e) ?? new Date(),
  );
  let storable = fresh;
  if (options.strictUnknownMessages) {
    const unknown = fresh.filter((j) => !messageIds.get(j.event));
    for (const job of unknown)
      decisions.set(job, { outcome: "unmatched", httpStatus: 404, duplicateOf: null, messageId: null });
    const remembered = unknown.filter((j) => j.event.deliveryId);
    if (remembered.length) await deleteDeliveries(tx, remembered.map(deliveryRow));
    storable = fresh.filter((j) => messageIds.get(j.event));
  }

  // 3. Effect identity, and 4. effects on messages.
  if (storable.length) await storeEvents(tx, storable, messageIds, decisions, options);

  // 5. The request rows.
  const results = jobs.map((job): StoredResult => {
    const d = decisions.get(job);
    if (d) {
      Object.assign(job.record, {
        outcome: d.outcome,
        httpStatus: d.httpStatus,
        duplicateOf: d.duplicateOf,
        messageId: d.messageId,
      });
      if (d.outcome === "duplicate" && !job.record.reason) job.record.reason = duplicateReason(job);
    }
    const r = job.record;
    return {
      requestId: r.id,
      outcome: r.outcome,
      httpStatus: r.httpStatus,
      duplicateOf: r.duplicateOf,
      messageId: r.messageId,
    };
  });
  const records = jobs.map((j) => j.record);
  const range = await insertRequests(tx, records);
  // 6. After the request rows: their advisory lock already orders this batch against the others.
  await addRollupRows(tx, toRollupRows(records));
  return { results, range };
}

async function storeEvents(
  tx: TransactionClient,
  storable: EventJob[],
  messageIds: Map<NormalizedEvent, string>,
  decisions: Map<IngestJob, Decision>,
  options: StoreOptions,
): Promise<void> {
  const inserted = await insertEvents(
    tx,
    storable.map((j) => eventRow(j.record, j.event, messageIds.get(j.event) ?? null)),
  );
  const byRequest = new Map(inserted.map((e) => [e.request_id, e]));
  const lost = storable.filter((j) => !byRequest.has(j.record.id));
  if (lost.length) {
    const originals = await findEventOriginals(
      tx,
      lost.map((j) => ({ provider: j.event.provider, effect_key: j.event.effectKey })),
    );
    for (const job of lost) {
      const original = originals.get(key(job.event.provider, job.event.effectKey));
      decisions.set(job, {
        outcome: "duplicate",
        httpStatus: 200,
        duplicateOf: original?.requestId ?? null,
        messageId: original?.messageId ?? null,
      });
    }
  }
  const applied: InsertedEvent[] = [];
  for (const job of storable) {
    const row = byRequest.get(job.record.id);
    if (!row) continue;
    applied.push({
      id: row.id,
      messageId: row.message_id,
      event: job.event,
      receivedAt: job.record.receivedAt,
    });
    decisions.set(job, {
      outcome: row.message_id ? "accepted" : "unmatched",
      httpStatus: 200,
      duplicateOf: null,
      messageId: row.message_id,
    });
  }
  await applyIngestedEvents(tx, applied, options);
}

function deliveryRow(job: IngestJob) {
  return { provider: job.record.provider, delivery_id: job.event!.deliveryId!, request_id: job.record.id };
}

function duplicateReason(job: IngestJob): string {
  return job.record.duplicateOf
    ? "already received: this delivery or the same status was stored before, so it changed nothing"
    : "already received";
}

function eventRow(record: RequestRecord, event: NormalizedEvent, messageId: string | null): EventRow {
  return {
    provider: event.provider,
    channel: event.channel,
    effect_key: event.effectKey,
    delivery_id: event.deliveryId ?? event.effectKey,
    request_id: record.id,
    external_id: event.externalId,
    message_id: messageId,
    event_type: event.eventType,
    status: event.status,
    occurred_at: event.occurredAt?.toISOString() ?? null,
    received_at: record.receivedAt.toISOString(),
    // Stored normalized, so matching, search and soft-bounce counting see one spelling per person.
    recipient: event.recipient ? normalizeRecipient(event.channel, event.recipient) : null,
    sender: event.sender,
    error_code: event.errorCode,
    error_message: event.errorMessage,
    bounce_type: event.bounce?.type ?? null,
    bounce_sub_type: event.bounce?.subType ?? null,
    embedded_message_id: event.embeddedMessageId,
    details: {
      subject: event.subject,
      click: event.click,
      bounce: event.bounce,
      tags: event.tags,
      ...event.details,
    },
  };
}
