// The live log's reads, all by sequence number (the unique seq index, or (outcome, seq) when filtered by
// outcome): a committed batch's range for the stream, what came after a Last-Event-ID for a reconnect,
// and the keyset pages below the live tail. Never OFFSET, always LIMITed.
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import type { LiveFilter } from "../live-log/filter";

export interface LiveRow {
  /** The sequence number, as a string (bigint does not survive JSON). */
  seq: string;
  id: string;
  receivedAt: string;
  provider: string;
  eventType: string | null;
  outcome: string;
  httpStatus: number;
  durationMs: number;
  externalId: string | null;
  messageId: string | null;
  /** For a replay: the request it replays. */
  replayOf: string | null;
}

const select = {
  seq: true,
  id: true,
  receivedAt: true,
  provider: true,
  eventType: true,
  outcome: true,
  httpStatus: true,
  durationMs: true,
  externalId: true,
  messageId: true,
  replayOf: true,
} satisfies Prisma.WebhookRequestSelect;

type Selected = Prisma.WebhookRequestGetPayload<{ select: typeof select }>;

function toLiveRow(r: Selected): LiveRow {
  return { ...r, seq: r.seq.toString(), receivedAt: r.receivedAt.toISOString() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function whereOf(filter: LiveFilter): Prisma.WebhookRequestWhereInput {
  const where: Prisma.WebhookRequestWhereInput = {};
  if (filter.provider) where.provider = filter.provider;
  if (filter.outcome) where.outcome = filter.outcome;
  if (filter.eventType) where.eventType = filter.eventType;
  if (filter.q) {
    where.OR = UUID.test(filter.q)
      ? [{ externalId: filter.q }, { id: filter.q.toLowerCase() }]
      : [{ externalId: filter.q }];
  }
  return where;
}

/** Every row of one committed range, oldest first (the stream filters them per browser in memory). */
export async function listRowsInRange(
  db: Database,
  first: bigint,
  last: bigint,
  limit: number,
): Promise<LiveRow[]> {
  const rows = await db.prisma.webhookRequest.findMany({
    where: { seq: { gte: first, lte: last } },
    orderBy: { seq: "asc" },
    take: limit,
    select,
  });
  return rows.map(toLiveRow);
}

/** Rows after a sequence number, oldest first: a reconnect's catch-up (limit + 1 says "more"). */
export async function listRowsAfter(
  db: Database,
  after: bigint,
  filter: LiveFilter,
  limit: number,
): Promise<LiveRow[]> {
  const rows = await db.prisma.webhookRequest.findMany({
    where: { ...whereOf(filter), seq: { gt: after } },
    orderBy: { seq: "asc" },
    take: limit,
    select,
  });
  return rows.map(toLiveRow);
}

/** One page of the log, newest first, strictly below `before` (or from the newest row). */
export async function listRowsBefore(
  db: Database,
  before: bigint | null,
  filter: LiveFilter,
  limit: number,
): Promise<{ rows: LiveRow[]; nextBefore: string | null }> {
  const rows = await db.prisma.webhookRequest.findMany({
    where: before === null ? whereOf(filter) : { ...whereOf(filter), seq: { lt: before } },
    orderBy: { seq: "desc" },
    take: limit + 1,
    select,
  });
  const page = rows.slice(0, limit).map(toLiveRow);
  return { rows: page, nextBefore: rows.length > limit ? page[page.length - 1].seq : null };
}

/** The newest sequence number stored, or 0 for an empty log: where a fresh stream starts. */
export async function getLatestSeq(db: Database): Promise<bigint> {
  const row = await db.prisma.webhookRequest.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return row?.seq ?? 0n;
}
