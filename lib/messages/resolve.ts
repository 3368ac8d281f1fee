// Which of our messages an event belongs to. One cascade for every event (MESSAGE_ID_MAPPING_STRATEGY):
//   1. an embedded id (Twilio `message_id` in the signed callback URL; Resend `message_id` tag),
//   2. the mapping table (provider + external id),
//   3. only with the "timestamp" strategy: the one message of the same channel and recipient sent within
//      TIMESTAMP_MATCHING_WINDOW of the event — never a guess between two.
// A match found by 1 or 3 is saved as a mapping, so the provider's later events match by 2.
import type { MappingStrategy } from "../config/schema";
import type { NormalizedEvent } from "../providers/types";
import { normalizeRecipient } from "./recipients";
import type { TransactionClient } from "./tx";

export interface ResolveOptions {
  strategy: MappingStrategy;
  timestampWindowSeconds: number;
  /** When the event arrived: the event time for Twilio, which sends none. */
  receivedAt: (event: NormalizedEvent) => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (provider: string, externalId: string) => `${provider}\u0000${externalId}`;

export async function resolveMessageIds(
  tx: TransactionClient, events: NormalizedEvent[], options: ResolveOptions,
): Promise<Map<NormalizedEvent, string>> {
  const found = new Map<NormalizedEvent, string>();
  if (!events.length) return found;
  const learned = new Map<string, { provider: string; externalId: string; messageId: string }>();

  // 1. Embedded ids, trusted only for a message of the same channel.
  const embedded = events.filter((e) => e.embeddedMessageId && UUID.test(e.embeddedMessageId));
  if (embedded.length) {
    const messages = await tx.message.findMany({
      where: { id: { in: [...new Set(embedded.map((e) => e.embeddedMessageId!))] } },
      select: { id: true, channel: true },
    });
    const channelOf = new Map(messages.map((m) => [m.id, m.channel]));
    for (const event of embedded) {
      if (channelOf.get(event.embeddedMessageId!) !== event.channel) continue;
      found.set(event, event.embeddedMessageId!);
      learned.set(key(event.provider, event.externalId), { provider: event.provider, externalId: event.externalId, messageId: event.embeddedMessageId! });
    }
  }

  // 2. The mapping table.
  let rest = events.filter((e) => !found.has(e));
  if (rest.length) {
    const mappings = await tx.messageExternalId.findMany({
      where: { OR: dedupe(rest).map((e) => ({ provider: e.provider, externalId: e.externalId })) },
      select: { provider: true, externalId: true, messageId: true },
    });
    const byKey = new Map(mappings.map((m) => [key(m.provider, m.externalId), m.messageId]));
    for (const event of rest) {
      const messageId = byKey.get(key(event.provider, event.externalId));
      if (messageId) {
        found.set(event, messageId);
        learned.delete(key(event.provider, event.externalId));
      }
    }
  }

  // 3. Timestamp match, once per provider id.
  rest = events.filter((e) => !found.has(e));
  if (options.strategy === "timestamp" && rest.length) {
    for (const event of dedupe(rest)) {
      if (!event.recipient) continue;
      const messageId = await matchByTime(tx, event, options);
      if (!messageId) continue;
      for (const same of rest) if (same.provider === event.provider && same.externalId === event.externalId) found.set(same, messageId);
      learned.set(key(event.provider, event.externalId), { provider: event.provider, externalId: event.externalId, messageId });
    }
  }

  if (learned.size) await tx.messageExternalId.createMany({ data: [...learned.values()], skipDuplicates: true });
  return found;
}

async function matchByTime(tx: TransactionClient, event: NormalizedEvent, options: ResolveOptions): Promise<string | null> {
  const at = event.occurredAt ?? options.receivedAt(event);
  const window = options.timestampWindowSeconds * 1000;
  // A message already mapped to another id of this provider is another send, not this one.
  const candidates = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT m.id FROM message m
      WHERE m.channel = $1 AND m.recipient = $2 AND m.sent_at BETWEEN $3::timestamptz AND $4::timestamptz
        AND NOT EXISTS (SELECT 1 FROM message_external_id x
                         WHERE x.message_id = m.id AND x.provider = $5 AND x.external_id <> $6)
      LIMIT 2`,
    event.channel, normalizeRecipient(event.channel, event.recipient!),
    new Date(at.getTime() - window).toISOString(), new Date(at.getTime() + window).toISOString(),
    event.provider, event.externalId,
  );
  return candidates.length === 1 ? candidates[0].id : null;
}

function dedupe(events: NormalizedEvent[]): NormalizedEvent[] {
  const seen = new Map<string, NormalizedEvent>();
  for (const e of events) if (!seen.has(key(e.provider, e.externalId))) seen.set(key(e.provider, e.externalId), e);
  return [...seen.values()];
}
