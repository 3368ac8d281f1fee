// Events whose message is not known (yet): kept, visible and searchable until the sender registers
// the message or its provider id, when they are linked.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { normalizeRecipient } from "../messages/recipients";
import { PROVIDERS } from "../providers/types";
import { guessChannel } from "./get-suppression-status";

export const unmatchedQuerySchema = z.object({
  provider: z.enum(PROVIDERS).optional(),
  externalId: z.string().trim().min(1).optional(),
  to: z.string().trim().min(1).optional(),
  before: z.coerce.bigint().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function listUnmatchedEvents(db: Database, q: z.infer<typeof unmatchedQuerySchema>) {
  const where: Prisma.MessageEventWhereInput = {
    messageId: null,
    ...(q.provider ? { provider: q.provider } : {}),
    ...(q.externalId ? { externalId: q.externalId } : {}),
    ...(q.to ? { recipient: normalizeRecipient(guessChannel(q.to), q.to) } : {}),
    ...(q.before ? { id: { lt: q.before } } : {}),
  };
  const rows = await db.prisma.messageEvent.findMany({ where, orderBy: { id: "desc" }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
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
    nextCursor: rows.length > q.limit ? page[page.length - 1].id.toString() : null,
  };
}
