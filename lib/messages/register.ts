// Registers the sender's own messages (one, or a campaign's batch) with their provider ids, and links
// the events that beat the registration here. One transaction; per-item answers for a batch.
import type { MappingStrategy } from "../config/schema";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { isTransientTransactionError } from "../db/transient-error";
import { linkUnmatchedEvents } from "./link";
import { lockProviderIds } from "./locks";
import { normalizeRecipient } from "./recipients";
import { linkEarlierEventsByTime } from "./resolve";
import { defaultProvider, type RegisterMessageInput } from "./schemas";
import { StatDeltas } from "./stats";
import type { TransactionClient } from "./tx";
import type { ErrorCode } from "../errors/app-error";

export interface RegistrationItem {
  input: RegisterMessageInput;
  idempotencyKey?: string;
  /** The item's index in the caller's batch (which may hold items that never got here), to name it. */
  position?: number;
}

export type RegistrationResult =
  | { ok: true; messageId: string; created: boolean }
  | { ok: false; status: 409; code: ErrorCode; message: string };

const pairKey = (provider: string, externalId: string) => `${provider}\u0000${externalId}`;

/** MESSAGE_ID_MAPPING_STRATEGY and TIMESTAMP_MATCHING_WINDOW: with "timestamp", earlier events are matched by time. */
export interface RegistrationMapping {
  strategy: MappingStrategy;
  timestampWindowSeconds: number;
}

export async function registerMessages(
  db: Database,
  items: RegistrationItem[],
  mapping?: RegistrationMapping,
): Promise<RegistrationResult[]> {
  // A concurrent registration of the same idempotency key or provider id loses the unique-key race: one
  // more pass sees the winner's rows and answers from them. A deadlock is retried too: registering writes
  // counters twice when it links early events (for the new messages, then for the events' effects), each
  // pass in sorted order but not the two together, so two registrations can lock the same busy daily
  // counter rows in opposite orders; PostgreSQL aborts one, and running it again is safe.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.prisma.$transaction((tx) => registerInTransaction(tx, items, mapping), {
        maxWait: 10_000,
        timeout: 30_000,
      });
    } catch (error) {
      const retryable = (error as { code?: string }).code === "P2002" || isTransientTransactionError(error);
      if (attempt < 2 && retryable) continue;
      throw error;
    }
  }
}

async function registerInTransaction(
  tx: TransactionClient,
  items: RegistrationItem[],
  mapping?: RegistrationMapping,
): Promise<RegistrationResult[]> {
  const results: Array<RegistrationResult | undefined> = new Array(items.length);
  const provided = items.map((item) => ({
    provider: item.input.provider ?? defaultProvider(item.input.channel),
    externalId: item.input.externalId,
  }));
  await lockProviderIds(
    tx,
    provided.filter((p): p is { provider: "twilio" | "resend"; externalId: string } => !!p.externalId),
  );

  // Retries of an earlier registration answer with the message it created.
  const keys = items.map((i) => i.idempotencyKey).filter((k): k is string => !!k);
  const earlier = keys.length
    ? await tx.message.findMany({
        where: { idempotencyKey: { in: keys } },
        select: { id: true, idempotencyKey: true },
      })
    : [];
  const byKey = new Map(earlier.map((m) => [m.idempotencyKey!, m.id]));

  const pairs = provided
    .filter((p) => p.externalId)
    .map((p) => ({ provider: p.provider, externalId: p.externalId! }));
  const mapped = pairs.length
    ? await tx.messageExternalId.findMany({
        where: { OR: pairs },
        select: { provider: true, externalId: true, messageId: true },
      })
    : [];
  const owner = new Map(mapped.map((m) => [pairKey(m.provider, m.externalId), m.messageId]));
  // Provider ids claimed by an earlier item of this batch → that item's position.
  const claimedBy = new Map<string, number>();

  const toCreate: Array<{ index: number; data: Prisma.MessageCreateManyInput }> = [];
  // A key used twice in one batch: the later items are retries of the first (created below).
  const keyInBatch = new Map<string, number>();
  const sameAs: Array<{ index: number; first: number }> = [];
  items.forEach((item, index) => {
    const existing = item.idempotencyKey ? byKey.get(item.idempotencyKey) : undefined;
    if (existing) {
      results[index] = { ok: true, messageId: existing, created: false };
      return;
    }
    if (item.idempotencyKey) {
      const first = keyInBatch.get(item.idempotencyKey);
      if (first !== undefined) {
        sameAs.push({ index, first });
        return;
      }
      keyInBatch.set(item.idempotencyKey, index);
    }
    const { provider, externalId } = provided[index];
    if (externalId) {
      const k = pairKey(provider, externalId);
      const conflict = conflictMessage(provider, externalId, owner.get(k), claimedBy.get(k));
      if (conflict) {
        results[index] = { ok: false, status: 409, code: "conflict", message: conflict };
        return;
      }
      claimedBy.set(k, item.position ?? index);
    }
    toCreate.push({ index, data: messageRow(item, provider) });
  });

  if (toCreate.length) {
    const created = await tx.message.createManyAndReturn({
      data: toCreate.map((c) => c.data),
      select: { id: true, channel: true, campaign: true, sentAt: true, recipient: true },
    });
    const stats = new StatDeltas();
    const links: Array<{ messageId: string; provider: string; externalId: string }> = [];
    created.forEach((message, i) => {
      const { index } = toCreate[i];
      results[index] = { ok: true, messageId: message.id, created: true };
      stats.registered(
        { sentAt: message.sentAt, channel: message.channel, campaign: message.campaign },
        "registered",
      );
      const { provider, externalId } = provided[index];
      if (externalId) links.push({ messageId: message.id, provider, externalId });
    });
    if (links.length) await tx.messageExternalId.createMany({ data: links });
    await stats.write(tx);
    await linkUnmatchedEvents(tx, links);
    if (mapping?.strategy === "timestamp") {
      await linkEarlierEventsByTime(
        tx,
        created.map((message) => ({
          id: message.id,
          channel: message.channel,
          recipient: message.recipient,
          sentAt: message.sentAt,
        })),
        mapping.timestampWindowSeconds,
      );
    }
  }
  for (const { index, first } of sameAs) {
    const r = results[first]!;
    results[index] = r.ok ? { ok: true, messageId: r.messageId, created: false } : r;
  }
  return results as RegistrationResult[];
}

function conflictMessage(
  provider: string,
  externalId: string,
  ownerId: string | undefined,
  claimedByItem: number | undefined,
): string | null {
  if (ownerId !== undefined) return `${provider} id ${externalId} already belongs to message ${ownerId}`;
  if (claimedByItem !== undefined)
    return `${provider} id ${externalId} is already claimed by item ${claimedByItem} of this batch`;
  return null;
}

function messageRow(item: RegistrationItem, provider: string): Prisma.MessageCreateManyInput {
  const m = item.input;
  return {
    channel: m.channel,
    recipient: normalizeRecipient(m.channel, m.to),
    sender: m.from ?? null,
    subject: m.subject ?? null,
    campaign: m.campaign ?? null,
    tags: m.tags ?? {},
    metadata: (m.metadata ?? {}) as Prisma.InputJsonObject,
    provider,
    sentAt: m.sentAt ? new Date(m.sentAt) : new Date(),
    idempotencyKey: item.idempotencyKey ?? null,
  };
}
