// Which of our messages an event belongs to. One cascade for every event (MESSAGE_ID_MAPPING_STRATEGY):
//   1. an embedded id (Twilio `message_id` in the signed callback URL; Resend `message_id` tag),
//   2. the mapping table (provider + external id),
//   3. only with the "timestamp" strategy: the one message of the same channel and recipient sent within
//      TIMESTAMP_MATCHING_WINDOW of the event — never a guess between two.
// A match found by 1 or 3 is saved as a mapping, so the provider's later events match by 2.
import { toJsonParam } from "../db/json-param";
import type { MappingStrategy } from "../config/schema";
import type { NormalizedEvent } from "../providers/types";
import { linkUnmatchedEvents } from "./link";
import { lockProviderIds } from "./locks";
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
  tx: TransactionClient,
  events: NormalizedEvent[],
  options: ResolveOptions,
): Promise<Map<NormalizedEvent, string>> {
  const found = new Map<NormalizedEvent, string>();
  if (!events.length) return found;
  const learned = new Map<string, { provider: string; externalId: string; messageId: string }>();

  // 1. Embedded ids, trusted only for a message of the same channel.
  const embedded = events.filter((e) => e.embeddedMessageId && UUID.test(e.embeddedMessageId));
  if (embedded.length) {
    const messages = await tx.$queryRawUnsafe<Array<{ id: string; channel: string }>>(
      `SELECT id::text, channel FROM message WHERE id = ANY($1::uuid[])`,
      [...new Set(embedded.map((e) => e.embeddedMessageId!.toLowerCase()))],
    );
    const channelOf = new Map(messages.map((m) => [m.id, m.channel]));
    for (const event of embedded) {
      const messageId = event.embeddedMessageId!.toLowerCase();
      if (channelOf.get(messageId) !== event.channel) continue;
      found.set(event, messageId);
      learned.set(key(event.provider, event.externalId), {
        provider: event.provider,
        externalId: event.externalId,
        messageId,
      });
    }
  }

  // 2. The mapping table.
  let rest = events.filter((e) => !found.has(e));
  if (rest.length) {
    const mappings = await tx.$queryRawUnsafe<
      Array<{ provider: string; external_id: string; message_id: string }>
    >(
      `SELECT x.provider, x.external_id, x.message_id::text FROM message_external_id x
         JOIN jsonb_to_recordset($1::jsonb) AS p(provider text, external_id text) USING (provider, external_id)`,
      toJsonParam(dedupe(rest).map((e) => ({ provider: e.provider, external_id: e.externalId }))),
    );
    const byKey = new Map(mappings.map((m) => [key(m.provider, m.external_id), m.message_id]));
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
      for (const same of rest)
        if (same.provider === event.provider && same.externalId === event.externalId)
          found.set(same, messageId);
      learned.set(key(event.provider, event.externalId), {
        provider: event.provider,
        externalId: event.externalId,
        messageId,
      });
    }
  }

  if (learned.size) {
    const links = [...learned.values()];
    await tx.$executeRawUnsafe(
      `INSERT INTO message_external_id (message_id, provider, external_id)
       SELECT message_id, provider, external_id FROM jsonb_to_recordset($1::jsonb) AS r(message_id uuid, provider text, external_id text)
       ON CONFLICT DO NOTHING`,
      toJsonParam(
        links.map((l) => ({ message_id: l.messageId, provider: l.provider, external_id: l.externalId })),
      ),
    );
    // Events of the same provider id that came before this match (stored unmatched) belong to the same
    // message: link them now, as registering the id would (the caller holds the locks for these ids).
    await linkUnmatchedEvents(tx, links);
  }
  return found;
}

async function matchByTime(
  tx: TransactionClient,
  event: NormalizedEvent,
  options: ResolveOptions,
): Promise<string | null> {
  const at = event.occurredAt ?? options.receivedAt(event);
  return onlyCandidateByTime(
    tx,
    {
      channel: event.channel,
      recipient: normalizeRecipient(event.channel, event.recipient!),
      at,
      provider: event.provider,
      externalId: event.externalId,
    },
    options.timestampWindowSeconds,
  );
}

async function onlyCandidateByTime(
  tx: TransactionClient,
  e: { channel: string; recipient: string; at: Date; provider: string; externalId: string },
  windowSeconds: number,
): Promise<string | null> {
  const window = windowSeconds * 1000;
  // A message already mapped to another id of this provider is another send, not this one.
  const candidates = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT m.id FROM message m
      WHERE m.channel = $1 AND m.recipient = $2 AND m.sent_at BETWEEN $3::timestamptz AND $4::timestamptz
        AND NOT EXISTS (SELECT 1 FROM message_external_id x
                         WHERE x.message_id = m.id AND x.provider = $5 AND x.external_id <> $6)
      LIMIT 2`,
    e.channel,
    e.recipient,
    new Date(e.at.getTime() - window).toISOString(),
    new Date(e.at.getTime() + window).toISOString(),
    e.provider,
    e.externalId,
  );
  return candidates.length === 1 ? candidates[0].id : null;
}

export interface NewMessageForMatching {
  id: string;
  channel: string;
  /** Normalized, as stored. */
  recipient: string;
  sentAt: Date;
}

/**
 * The timestamp strategy, seen from a registration: events that arrived before their message was
 * registered were stored unmatched. A new message takes the unmatched events (of one provider id) of its
 * channel and recipient within the window when it is their only candidate — the same rule as at ingest,
 * so two registrations that could both claim them leave them unmatched. Returns the links made.
 */
export async function linkEarlierEventsByTime(
  tx: TransactionClient,
  messages: NewMessageForMatching[],
  windowSeconds: number,
): Promise<Array<{ messageId: string; provider: string; externalId: string }>> {
  if (!messages.length) return [];
  const window = windowSeconds * 1000;
  const times = messages.map((m) => m.sentAt.getTime());
  // Events store the recipient normalized, like messages: one spelling to compare.
  const recipients = [...new Set(messages.map((m) => m.recipient))];
  // The first stored event of each provider id decides, as the first one would have at ingest.
  const events = await tx.$queryRawUnsafe<
    Array<{ provider: string; external_id: string; channel: string; recipient: string; at: Date }>
  >(
    `SELECT DISTINCT ON (provider, external_id) provider, external_id, channel, recipient, coalesce(occurred_at, received_at) AS at
       FROM message_event
      WHERE message_id IS NULL AND recipient = ANY($1::text[]) AND channel = ANY($2::text[])
        AND coalesce(occurred_at, received_at) BETWEEN $3::timestamptz AND $4::timestamptz
      ORDER BY provider, external_id, id`,
    recipients,
    [...new Set(messages.map((m) => m.channel))],
    new Date(Math.min(...times) - window).toISOString(),
    new Date(Math.max(...times) + window).toISOString(),
  );
  if (!events.length) return [];
  await lockProviderIds(
    tx,
    events.map((e) => ({ provider: e.provider, externalId: e.external_id })),
  );
  const ours = new Set(messages.map((m) => m.id));
  const links: Array<{ messageId: string; provider: string; externalId: string }> = [];
  for (const e of events) {
    const messageId = await onlyCandidateByTime(
      tx,
      {
        channel: e.channel,
        recipient: normalizeRecipient(e.channel, e.recipient),
        at: new Date(e.at),
        provider: e.provider,
        externalId: e.external_id,
      },
      windowSeconds,
    );
    if (messageId && ours.has(messageId))
      links.push({ messageId, provider: e.provider, externalId: e.external_id });
  }
  if (!links.length) return [];
  await tx.messageExternalId.createMany({ data: links, skipDuplicates: true });
  await linkUnmatchedEvents(tx, links);
  return links;
}

function dedupe(events: NormalizedEvent[]): NormalizedEvent[] {
  const seen = new Map<string, NormalizedEvent>();
  for (const e of events)
    if (!seen.has(key(e.provider, e.externalId))) seen.set(key(e.provider, e.externalId), e);
  return [...seen.values()];
}
