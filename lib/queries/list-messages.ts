// The message list behind search and the API: newest first, cursor-paginated, every filter indexed.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import type { MessageFields } from "./message-fields";
import { guessChannel } from "./get-suppression-status";
import { normalizeRecipient } from "../messages/recipients";

export const listMessagesQuerySchema = z.object({
  to: z.string().trim().min(1).optional(),
  externalId: z.string().trim().min(1).optional(),
  status: z.string().trim().min(1).optional(),
  channel: z.enum(["sms", "email"]).optional(),
  campaign: z.string().trim().min(1).optional(),
  sender: z.string().trim().min(1).optional(),
  /** Send time, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Send time, exclusive. */
  until: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export interface MessageSummary extends MessageFields {
  errorCode: string | null;
  openCount: number;
  clickCount: number;
  externalIds: Array<{ provider: string; externalId: string }>;
}

export class InvalidCursorError extends Error {
  name = "InvalidCursorError";
}

function encodeCursor(sentAt: Date, id: string): string {
  return Buffer.from(`${sentAt.toISOString()}|${id}`).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): { sentAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const sentAt = new Date(time);
  // The id is compared with a uuid column: anything but a uuid would fail the query (a 500), not page.
  if (!id || !UUID.test(id) || Number.isNaN(sentAt.getTime()))
    throw new InvalidCursorError("cursor is not one this API returned");
  return { sentAt, id };
}

export async function listMessages(
  db: Database,
  q: ListMessagesQuery,
): Promise<{ items: MessageSummary[]; nextCursor: string | null }> {
  const and: Prisma.MessageWhereInput[] = [];
  if (q.to) and.push({ recipient: normalizeRecipient(q.channel ?? guessChannel(q.to), q.to) });
  if (q.externalId) and.push({ externalIds: { some: { externalId: q.externalId } } });
  if (q.status) and.push({ status: q.status });
  if (q.channel) and.push({ channel: q.channel });
  if (q.campaign) and.push({ campaign: q.campaign });
  if (q.sender) and.push({ sender: q.sender });
  if (q.from) and.push({ sentAt: { gte: new Date(q.from) } });
  if (q.until) and.push({ sentAt: { lt: new Date(q.until) } });
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    and.push({ OR: [{ sentAt: { lt: c.sentAt } }, { sentAt: c.sentAt, id: { lt: c.id } }] });
  }
  const rows = await db.prisma.message.findMany({
    where: { AND: and },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { externalIds: { select: { provider: true, externalId: true } } },
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((m) => ({
      id: m.id,
      channel: m.channel,
      to: m.recipient,
      from: m.sender,
      subject: m.subject,
      campaign: m.campaign,
      provider: m.provider,
      status: m.status,
      statusAt: m.statusAt?.toISOString() ?? null,
      sentAt: m.sentAt.toISOString(),
      errorCode: m.errorCode,
      openCount: m.openCount,
      clickCount: m.clickCount,
      externalIds: m.externalIds,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sentAt, last.id) : null,
  };
}
