// The message layer's part of an ingest transaction: which of our messages an event belongs to, and
// what it changes. (The mapping strategies and status effects are filled in by the message layer.)
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { NormalizedEvent } from "../providers/types";

export type TransactionClient = Prisma.TransactionClient | PrismaClient;

export interface InsertedEvent {
  id: bigint;
  messageId: string | null;
  event: NormalizedEvent;
  receivedAt: Date;
}

/** Our message id for each event that can be matched; events missing from the map are unmatched. */
export async function resolveMessageIds(tx: TransactionClient, events: NormalizedEvent[]): Promise<Map<NormalizedEvent, string>> {
  const found = new Map<NormalizedEvent, string>();
  if (!events.length) return found;
  const mappings = await tx.messageExternalId.findMany({
    where: { OR: events.map((e) => ({ provider: e.provider, externalId: e.externalId })) },
    select: { provider: true, externalId: true, messageId: true },
  });
  const byKey = new Map(mappings.map((m) => [`${m.provider}\u0000${m.externalId}`, m.messageId]));
  for (const event of events) {
    const messageId = byKey.get(`${event.provider}\u0000${event.externalId}`);
    if (messageId) found.set(event, messageId);
  }
  return found;
}

/** Moves each message's derived state forward for newly stored events. */
export async function applyEventsToMessages(_tx: TransactionClient, _events: InsertedEvent[]): Promise<void> {
  // Filled in by the message layer (status derivation, counters, suppressions).
}
