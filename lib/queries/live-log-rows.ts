// The live log's reads, all by sequence number: a committed batch's range for the stream, what came after a
// Last-Event-ID for a reconnect, and the keyset pages below the live tail. Never OFFSET, always LIMITed.
// Each filter has an index that ends in seq ((provider, seq), (outcome, seq), (event_type, seq); q goes
// through external_id or the primary key), so one filter alone reads only what it returns. Filters combined
// (twilio and an email event type, say) could still walk a whole index for rows that do not exist, so every
// filtered read also stays within SCAN_WINDOW sequence numbers: a page that reaches the window's edge says
// where to go on from, and a reconnect further behind than the window is told to reload.
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { isFiltered, type LiveFilter } from "../live-log/filter";

/** Sequence numbers one filtered read looks through at most (the scan bound; see above). */
export const SCAN_WINDOW = 50_000n;

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

/**
 * Rows after a sequence number, oldest first: a reconnect's catch-up (limit + 1 says "more"). Filtered, only
 * the SCAN_WINDOW sequence numbers after `after` are read: the caller checks that the log has not gone
 * further (sse-stream.ts tells such a browser to reload).
 */
export async function listRowsAfter(
  db: Database,
  after: bigint,
  filter: LiveFilter,
  limit: number,
): Promise<LiveRow[]> {
  const seq = isFiltered(filter) ? { gt: after, lte: after + SCAN_WINDOW } : { gt: after };
  const rows = await db.prisma.webhookRequest.findMany({
    where: { ...whereOf(filter), seq },
    orderBy: { seq: "asc" },
    take: limit,
    select,
  });
  return rows.map(toLiveRow);
}

export interface LivePage {
  rows: LiveRow[];
  /** Where the next (older) page starts, or null on the last one. */
  nextBefore: string | null;
  /**
   * Filtered pages only: the page stopped at the scan window's edge, so it may hold fewer than a page of
   * rows though older matches exist; nextBefore goes on below the window.
   */
  windowEdge: boolean;
}

/** One page of the log, newest first, strictly below `before` (or from the newest row). */
export async function listRowsBefore(
  db: Database,
  before: bigint | null,
  filter: LiveFilter,
  limit: number,
): Promise<LivePage> {
  let seq: Prisma.BigIntFilter<"WebhookRequest"> | undefined = before === null ? undefined : { lt: before };
  let floor = 0n;
  if (isFiltered(filter)) {
    const top = before ?? (await getLatestSeq(db)) + 1n;
    floor = top > SCAN_WINDOW ? top - SCAN_WINDOW : 0n;
    seq = { lt: top, gte: floor };
  }
  const rows = await db.prisma.webhookRequest.findMany({
    where: seq ? { ...whereOf(filter), seq } : whereOf(filter),
    orderBy: { seq: "desc" },
    take: limit + 1,
    select,
  });
  const page = rows.slice(0, limit).map(toLiveRow);
  if (rows.length > limit) return { rows: page, nextBefore: page[page.length - 1].seq, windowEdge: false };
  // Seq 0 is never assigned (identity starts at 1): a floor above it leaves older rows to look through.
  if (floor > 1n) return { rows: page, nextBefore: floor.toString(), windowEdge: true };
  return { rows: page, nextBefore: null, windowEdge: false };
}

/** The newest sequence number stored, or 0 for an empty log: where a fresh stream starts. */
export async function getLatestSeq(db: Database): Promise<bigint> {
  const row = await db.prisma.webhookRequest.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return row?.seq ?? 0n;
}
