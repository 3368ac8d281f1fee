// Events whose message is not known (yet): kept, visible and searchable until the sender registers
// the message or its provider id, when they are linked. Newest first by arrival, read backwards through
// the (message_id, received_at) index, so the page costs the same however many events are matched.
import type { CountryCode } from "libphonenumber-js";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { guessChannel, normalizeRecipient } from "../messages/recipients";
import { PROVIDERS } from "../providers/types";
import { classifyQuery, phoneRecipients } from "../search/classify-query";
import { InvalidCursorError } from "./message-cursor";

export const unmatchedQuerySchema = z.object({
  /** A provider id, a phone number (any common spelling) or an email address. */
  q: z.string().trim().max(200).optional(),
  provider: z.enum(PROVIDERS).optional(),
  externalId: z.string().trim().min(1).optional(),
  to: z.string().trim().min(1).optional(),
  /** The nextCursor of the previous page. */
  before: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type UnmatchedQuery = z.infer<typeof unmatchedQuerySchema>;

export interface UnmatchedEvent {
  id: string;
  provider: string;
  channel: string;
  externalId: string;
  eventType: string;
  status: string;
  to: string | null;
  from: string | null;
  errorCode: string | null;
  occurredAt: string | null;
  receivedAt: string;
  requestId: string;
}

function encodeCursor(receivedAt: Date, id: bigint): string {
  return Buffer.from(`${receivedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: bigint } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(time);
  if (!id || !/^\d{1,19}$/.test(id) || Number.isNaN(receivedAt.getTime()))
    throw new InvalidCursorError("cursor is not one this API returned");
  return { receivedAt, id: BigInt(id) };
}

export async function listUnmatchedEvents(
  db: Database,
  q: UnmatchedQuery,
  defaultCountry: CountryCode = "US",
): Promise<{ items: UnmatchedEvent[]; nextCursor: string | null }> {
  const and: Prisma.MessageEventWhereInput[] = [{ messageId: null }];
  if (q.provider) and.push({ provider: q.provider });
  // A provider id alone still probes the (provider, external_id) index, once per provider.
  if (q.externalId) and.push({ externalId: q.externalId, provider: q.provider ?? { in: [...PROVIDERS] } });
  if (q.to) and.push({ recipient: normalizeRecipient(guessChannel(q.to), q.to) });
  const term = q.q ? classifyQuery(q.q, defaultCountry) : null;
  if (term?.kind === "email") and.push({ recipient: term.email });
  else if (term?.kind === "phone") and.push({ recipient: { in: phoneRecipients(term.e164) } });
  else if (term)
    and.push({
      externalId: term.kind === "id" ? term.id : term.externalId,
      provider: q.provider ?? { in: [...PROVIDERS] },
    });
  if (q.before) {
    const c = decodeCursor(q.before);
    and.push(
      { receivedAt: { lte: c.receivedAt } },
      {
        OR: [{ receivedAt: { lt: c.receivedAt } }, { id: { lt: c.id } }],
      },
    );
  }
  const rows = await db.prisma.messageEvent.findMany({
    where: { AND: and },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((e) => ({
      id: e.id.toString(),
      provider: e.provider,
      channel: e.channel,
      externalId: e.externalId,
      eventType: e.eventType,
      status: e.status,
      to: e.recipient,
      from: e.sender,
      errorCode: e.errorCode,
      occurredAt: e.occurredAt?.toISOString() ?? null,
      receivedAt: e.receivedAt.toISOString(),
      requestId: e.requestId,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
  };
}
