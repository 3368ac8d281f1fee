// Support's list of suppressed recipients: who, on which channel, why, the event that caused it and
// when — active ones by default, newest first, cursor-paginated through an index on the change time.
import type { CountryCode } from "libphonenumber-js";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { classifyQuery, phoneRecipients } from "../search/classify-query";
import { InvalidCursorError } from "./message-cursor";

export const SUPPRESSION_REASONS = [
  "hard_bounce",
  "complaint",
  "provider_suppressed",
  "unsubscribed",
  "invalid_number",
  "landline",
  "soft_bounce_threshold",
] as const;

export const listSuppressionsQuerySchema = z.object({
  /** A phone number (any common spelling) or an email address. */
  q: z.string().trim().max(200).optional(),
  state: z.enum(["active", "lifted", "all"]).default("active"),
  reason: z.enum(SUPPRESSION_REASONS).optional(),
  channel: z.enum(["sms", "email"]).optional(),
  cursor: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListSuppressionsQuery = z.input<typeof listSuppressionsQuerySchema>;

export interface SuppressionRow {
  id: string;
  channel: string;
  recipient: string;
  /** The sender number a STOP applies to; null for every sender. */
  scope: string | null;
  reason: string;
  detail: string | null;
  createdAt: string;
  /** When it was last applied or lifted. */
  since: string;
  active: boolean;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
  messageId: string | null;
  cause: {
    eventId: string;
    eventType: string;
    status: string;
    errorCode: string | null;
    bounceType: string | null;
    at: string;
  } | null;
}

function encodeCursor(at: Date, id: bigint) {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: bigint } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(time);
  if (!id || !/^\d{1,19}$/.test(id) || Number.isNaN(at.getTime()))
    throw new InvalidCursorError("cursor is not one this API returned");
  return { at, id: BigInt(id) };
}

export async function listSuppressions(
  db: Database,
  input: ListSuppressionsQuery,
  defaultCountry: CountryCode = "US",
): Promise<{ items: SuppressionRow[]; nextCursor: string | null }> {
  const q = listSuppressionsQuerySchema.parse(input);
  const and: Prisma.SuppressionWhereInput[] = [];
  if (q.state === "active") and.push({ liftedAt: null });
  if (q.state === "lifted") and.push({ liftedAt: { not: null } });
  if (q.reason) and.push({ reason: q.reason });
  if (q.channel) and.push({ channel: q.channel });
  if (q.q) {
    const term = classifyQuery(q.q, defaultCountry);
    if (term?.kind === "email") and.push({ recipient: term.email });
    else if (term?.kind === "phone") and.push({ recipient: { in: phoneRecipients(term.e164) } });
    else return { items: [], nextCursor: null };
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    and.push({ updatedAt: { lte: c.at } }, { OR: [{ updatedAt: { lt: c.at } }, { id: { lt: c.id } }] });
  }
  const rows = await db.prisma.suppression.findMany({
    where: { AND: and },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const eventIds = page.flatMap((r) => (r.eventId === null ? [] : [r.eventId]));
  const events = eventIds.length
    ? await db.prisma.messageEvent.findMany({
        where: { id: { in: eventIds } },
        select: {
          id: true,
          eventType: true,
          status: true,
          errorCode: true,
          bounceType: true,
          occurredAt: true,
          receivedAt: true,
        },
      })
    : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const last = page[page.length - 1];
  return {
    items: page.map((r): SuppressionRow => {
      const e = r.eventId === null ? undefined : byId.get(r.eventId);
      return {
        id: r.id.toString(),
        channel: r.channel,
        recipient: r.recipient,
        scope: r.scope || null,
        reason: r.reason,
        detail: r.detail,
        createdAt: r.createdAt.toISOString(),
        since: r.updatedAt.toISOString(),
        active: !r.liftedAt,
        liftedAt: r.liftedAt?.toISOString() ?? null,
        liftedBy: r.liftedBy,
        liftReason: r.liftReason,
        messageId: r.messageId,
        cause: e
          ? {
              eventId: e.id.toString(),
              eventType: e.eventType,
              status: e.status,
              errorCode: e.errorCode,
              bounceType: e.bounceType,
              at: (e.occurredAt ?? e.receivedAt).toISOString(),
            }
          : null,
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}
