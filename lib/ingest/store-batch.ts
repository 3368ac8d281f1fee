// The body of one ingest transaction for a batch of requests (group commit). Identities are enforced by
// unique keys inside the database, never by read-then-write, so copies racing in parallel (in one batch,
// or in two instances) still give one effect:
//   1. delivery identity  (provider, delivery id)  → a redelivered request is a duplicate
//   2. message resolution (mapping strategy)        → our message, or unmatched
//   3. effect identity    (provider, effect key)   → the same status reported twice changes nothing
//   4. effects on messages (status, counters, links) — the message layer
//   5. one webhook_request row per request, whatever its outcome
import type { Prisma } from "../generated/prisma/client";
import type { NormalizedEvent } from "../providers/types";
import { applyIngestedEvents, resolveMessageIds, type InsertedEvent, type MessageLayerOptions, type TransactionClient } from "../messages/ingest-effects";
import { normalizeRecipient } from "../messages/recipients";
import type { IngestJob, RequestRecord, StoredResult } from "./types";

type Decision = { outcome: StoredResult["outcome"]; httpStatus: number; duplicateOf: string | null; messageId: string | null };

const key = (provider: string, id: string) => `${provider}\u0000${id}`;

export interface StoreOptions extends MessageLayerOptions {
  /** UNKNOWN_MESSAGE_STATUS=404: unmatched events are answered 404 and not remembered, so a retry is processed. */
  strictUnknownMessages: boolean;
}

export async function storeBatch(tx: TransactionClient, jobs: IngestJob[], options: StoreOptions): Promise<StoredResult[]> {
  for (const job of jobs) {
    Object.assign(job.record, withoutNul(job.record));
    job.event = withoutNul(job.event);
  }
  const decisions = new Map<IngestJob, Decision>();
  const verified = jobs.filter((j) => j.event !== null);

  // 1. Delivery identity.
  const withDelivery = verified.filter((j) => j.event!.deliveryId);
  if (withDelivery.length) {
    const inserted = await tx.webhookDelivery.createManyAndReturn({
      data: withDelivery.map((j) => ({ provider: j.record.provider, deliveryId: j.event!.deliveryId!, requestId: j.record.id })),
      skipDuplicates: true,
      select: { requestId: true },
    });
    const won = new Set(inserted.map((r) => r.requestId));
    const lost = withDelivery.filter((j) => !won.has(j.record.id));
    if (lost.length) {
      const originals = await tx.webhookDelivery.findMany({
        where: { OR: lost.map((j) => ({ provider: j.record.provider, deliveryId: j.event!.deliveryId! })) },
        select: { provider: true, deliveryId: true, requestId: true },
      });
      const byKey = new Map(originals.map((o) => [key(o.provider, o.deliveryId), o.requestId]));
      for (const job of lost) {
        const original = byKey.get(key(job.record.provider, job.event!.deliveryId!)) ?? null;
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
  const fresh = verified.filter((j) => !decisions.has(j)) as Array<IngestJob & { event: NormalizedEvent }>;
  const receivedAt = new Map(fresh.map((j) => [j.event, j.record.receivedAt]));
  const messageIds = await resolveMessageIds(tx, fresh.map((j) => j.event), options, (e) => receivedAt.get(e) ?? new Date());
  let storable = fresh;
  if (options.strictUnknownMessages) {
    const unknown = fresh.filter((j) => !messageIds.get(j.event));
    for (const job of unknown) {
      decisions.set(job, { outcome: "unmatched", httpStatus: 404, duplicateOf: null, messageId: null });
    }
    if (unknown.length) await forgetDeliveries(tx, unknown);
    storable = fresh.filter((j) => messageIds.get(j.event));
  }

  // 3. Effect identity.
  if (storable.length) {
    const inserted = await tx.messageEvent.createManyAndReturn({
      data: storable.map((j) => eventRow(j.record, j.event, messageIds.get(j.event) ?? null)),
      skipDuplicates: true,
      select: { id: true, requestId: true, messageId: true },
    });
    const byRequest = new Map(inserted.map((e) => [e.requestId, e]));
    const lost = storable.filter((j) => !byRequest.has(j.record.id));
    if (lost.length) {
      const originals = await tx.messageEvent.findMany({
        where: { OR: lost.map((j) => ({ provider: j.event.provider, effectKey: j.event.effectKey })) },
        select: { provider: true, effectKey: true, requestId: true, messageId: true },
      });
      const byKey = new Map(originals.map((o) => [key(o.provider, o.effectKey), o]));
      for (const job of lost) {
        const original = byKey.get(key(job.event.provider, job.event.effectKey));
        decisions.set(job, { outcome: "duplicate", httpStatus: 200, duplicateOf: original?.requestId ?? null, messageId: original?.messageId ?? null });
      }
    }

    // 4. Effects on messages.
    const applied: InsertedEvent[] = [];
    for (const job of storable) {
      const row = byRequest.get(job.record.id);
      if (!row) continue;
      applied.push({ id: row.id, messageId: row.messageId, event: job.event, receivedAt: job.record.receivedAt });
      decisions.set(job, {
        outcome: row.messageId ? "accepted" : "unmatched",
        httpStatus: 200,
        duplicateOf: null,
        messageId: row.messageId,
      });
    }
    await applyIngestedEvents(tx, applied, options);
  }

  // 5. The request rows.
  const results = jobs.map((job): StoredResult => {
    const d = decisions.get(job);
    if (d) {
      Object.assign(job.record, { outcome: d.outcome, httpStatus: d.httpStatus, duplicateOf: d.duplicateOf, messageId: d.messageId });
      if (d.outcome === "duplicate" && !job.record.reason) job.record.reason = duplicateReason(job);
    }
    const r = job.record;
    return { requestId: r.id, outcome: r.outcome, httpStatus: r.httpStatus, duplicateOf: r.duplicateOf, messageId: r.messageId };
  });
  await tx.webhookRequest.createMany({ data: jobs.map((j) => requestRow(j.record)) });
  return results;
}

async function forgetDeliveries(tx: TransactionClient, jobs: IngestJob[]): Promise<void> {
  await tx.webhookDelivery.deleteMany({
    where: { OR: jobs.filter((j) => j.event?.deliveryId).map((j) => ({ provider: j.record.provider, deliveryId: j.event!.deliveryId!, requestId: j.record.id })) },
  });
}

function duplicateReason(job: IngestJob): string {
  return job.record.duplicateOf
    ? "already received: this delivery or the same status was stored before, so it changed nothing"
    : "already received";
}

function eventRow(record: RequestRecord, event: NormalizedEvent, messageId: string | null): Prisma.MessageEventCreateManyInput {
  return {
    provider: event.provider,
    channel: event.channel,
    effectKey: event.effectKey,
    deliveryId: event.deliveryId ?? event.effectKey,
    requestId: record.id,
    externalId: event.externalId,
    messageId,
    eventType: event.eventType,
    status: event.status,
    occurredAt: event.occurredAt,
    receivedAt: record.receivedAt,
    // Stored normalized, so matching, search and soft-bounce counting see one spelling per person.
    recipient: event.recipient ? normalizeRecipient(event.channel, event.recipient) : null,
    sender: event.sender,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    bounceType: event.bounce?.type ?? null,
    bounceSubType: event.bounce?.subType ?? null,
    embeddedMessageId: event.embeddedMessageId,
    details: { subject: event.subject, click: event.click, bounce: event.bounce, tags: event.tags, ...event.details } as Prisma.InputJsonObject,
  };
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a NUL anywhere in what a request carried (raw body,
 * decoded form values, JSON "\u0000" escapes) would fail the whole write: it is stored as U+FFFD instead.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
  }
  return value;
}

export function requestRow(record: RequestRecord): Prisma.WebhookRequestCreateManyInput {
  const r = withoutNul(record);
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    provider: r.provider,
    outcome: r.outcome,
    httpStatus: r.httpStatus,
    reason: r.reason,
    diagnosis: (r.diagnosis ?? undefined) as Prisma.InputJsonObject | undefined,
    durationMs: r.durationMs,
    eventType: r.eventType,
    externalId: r.externalId,
    deliveryId: r.deliveryId,
    verified: r.verified,
    sourceIp: r.sourceIp,
    method: r.method,
    path: r.path,
    query: r.query,
    contentType: r.contentType,
    headers: r.headers,
    body: r.body,
    bodyBytes: r.bodyBytes,
    bodyTruncated: r.bodyTruncated,
    duplicateOf: r.duplicateOf,
    messageId: r.messageId,
    summaryCount: r.summaryCount,
  };
}
