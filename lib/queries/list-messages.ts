// The message list behind support's search and the API: newest first, cursor-paginated, every filter
// served by an index. One `q` finds a message by phone number (any common spelling), email address, our
// id or a provider id; `stuck` lists messages still without a final status some hours after sending.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { guessChannel, normalizeRecipient } from "../messages/recipients";
import type { SearchSettings } from "../search/search-settings";
import { awaitingStatuses } from "../status/rank";
import type { MessageFields } from "./message-fields";
import { decodeCursor, encodeCursor } from "./message-cursor";
import { resolveSearchTerm } from "./resolve-search-term";

export { InvalidCursorError } from "./message-cursor";

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const listMessagesQuerySchema = z.object({
  /** Phone number, email address, our id or a provider id. */
  q: z.string().trim().max(200).optional(),
  to: z.string().trim().min(1).optional(),
  externalId: z.string().trim().min(1).optional(),
  /** One status, or several separated by commas. */
  status: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(["sms", "email"]).optional(),
  campaign: z.string().trim().min(1).optional(),
  sender: z.string().trim().min(1).optional(),
  /** No final status STUCK_AFTER_HOURS after sending. */
  stuck: flag.optional(),
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

export interface MessagePage {
  items: MessageSummary[];
  nextCursor: string | null;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = { defaultCountry: "US", stuckAfterHours: 24 };
const HOUR = 3_600_000;

export async function listMessages(
  db: Database,
  q: ListMessagesQuery,
  settings: SearchSettings = DEFAULT_SEARCH_SETTINGS,
  now = new Date(),
): Promise<MessagePage> {
  const and: Prisma.MessageWhereInput[] = [];
  // Who or which message: each narrows the list to a handful of rows through its own index.
  let narrowed = false;
  if (q.q) {
    const found = await resolveSearchTerm(db, q.q, settings.defaultCountry);
    if (!found) return { items: [], nextCursor: null };
    if (found.where) and.push(found.where);
    narrowed = !!found.where;
  }
  if (q.to) {
    and.push({ recipient: normalizeRecipient(q.channel ?? guessChannel(q.to), q.to) });
    narrowed = true;
  }
  if (q.externalId) {
    const found = await resolveSearchTerm(db, q.externalId, settings.defaultCountry, { idOnly: true });
    if (!found?.where) return { items: [], nextCursor: null };
    and.push(found.where);
    narrowed = true;
  }
  let statuses = q.status
    ? q.status
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  let until = q.until ? new Date(q.until) : null;
  if (q.stuck) {
    const awaiting = awaitingStatuses(q.channel);
    statuses = statuses.length ? statuses.filter((s) => awaiting.includes(s)) : awaiting;
    if (!statuses.length) return { items: [], nextCursor: null };
    const cutoff = new Date(now.getTime() - settings.stuckAfterHours * HOUR);
    if (!until || cutoff < until) until = cutoff;
  }
  if (q.channel) and.push({ channel: q.channel });
  if (q.campaign) and.push({ campaign: q.campaign });
  if (q.sender) and.push({ sender: q.sender });
  if (q.from) and.push({ sentAt: { gte: new Date(q.from) } });
  if (until) and.push({ sentAt: { lt: until } });
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    // Spelled with an upper bound on sent_at first, so the index range starts at the cursor instead of
    // the newest row (the same rows as `sent_at < t OR (sent_at = t AND id < i)`).
    and.push({ sentAt: { lte: c.sentAt } }, { OR: [{ sentAt: { lt: c.sentAt } }, { id: { lt: c.id } }] });
  }

  // Several statuses over the whole table (the stuck filter): one index range per status, merged here,
  // because PostgreSQL cannot read `status IN (…) ORDER BY sent_at` in order from one index.
  const groups =
    statuses.length > 1 && !narrowed
      ? statuses.map((status) => [...and, { status }])
      : [statuses.length ? [...and, { status: { in: statuses } }] : and];
  const results = await Promise.all(groups.map((where) => readPage(db, where, q.limit + 1)));
  const rows = results
    .flat()
    .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const externalIds = await readExternalIds(
    db,
    page.map((m) => m.id),
  );
  return {
    items: page.map((m) => toSummary(m, externalIds.get(m.id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sentAt, last.id) : null,
  };
}

/** The list's columns only: no JSON (tags, metadata, state) that the list never shows. */
const SUMMARY_COLUMNS = {
  id: true,
  channel: true,
  recipient: true,
  sender: true,
  subject: true,
  campaign: true,
  provider: true,
  status: true,
  statusAt: true,
  sentAt: true,
  errorCode: true,
  openCount: true,
  clickCount: true,
} as const;

function readPage(db: Database, and: Prisma.MessageWhereInput[], take: number) {
  return db.prisma.message.findMany({
    where: { AND: and },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take,
    select: SUMMARY_COLUMNS,
  });
}

/**
 * The provider ids of the page's messages in one query, once the page is known: not per status range
 * (the stuck filter reads several) and not for the rows read ahead to find the next cursor.
 */
async function readExternalIds(
  db: Database,
  messageIds: string[],
): Promise<Map<string, MessageSummary["externalIds"]>> {
  const byMessage = new Map<string, MessageSummary["externalIds"]>();
  if (!messageIds.length) return byMessage;
  const rows = await db.prisma.messageExternalId.findMany({
    where: { messageId: { in: messageIds } },
    select: { messageId: true, provider: true, externalId: true },
  });
  for (const r of rows) {
    const list = byMessage.get(r.messageId) ?? [];
    list.push({ provider: r.provider, externalId: r.externalId });
    byMessage.set(r.messageId, list);
  }
  return byMessage;
}

type Row = Awaited<ReturnType<typeof readPage>>[number];

function toSummary(m: Row, externalIds: MessageSummary["externalIds"]): MessageSummary {
  return {
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
    externalIds,
  };
}
