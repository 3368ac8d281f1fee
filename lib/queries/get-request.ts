// One webhook request for the inspector: the stored row, the events it produced, its duplicate chain (the
// request it repeated, and the copies that repeated it) and the message it touched. By primary key and the
// request_id / duplicate_of indexes; the copies are capped.
import type { Database } from "../db/open";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_COPIES = 50;

export interface RequestLink {
  id: string;
  receivedAt: string;
  outcome: string;
}

export interface RequestDetail {
  id: string;
  seq: string;
  receivedAt: string;
  provider: string;
  outcome: string;
  httpStatus: number;
  reason: string | null;
  diagnosis: Record<string, unknown> | null;
  durationMs: number;
  eventType: string | null;
  externalId: string | null;
  deliveryId: string | null;
  verified: boolean;
  sourceIp: string | null;
  method: string;
  path: string;
  query: string | null;
  contentType: string | null;
  /** As stored: signatures and credentials already redacted at ingest. */
  headers: Record<string, string>;
  body: string | null;
  bodyBytes: number;
  bodyTruncated: boolean;
  /** When retention removed the raw body (lib/retention/); null while it is kept. */
  bodyRemovedAt: string | null;
  summaryCount: number | null;
  duplicateOf: RequestLink | null;
  copies: RequestLink[];
  /** The request this one replays (lib/replay/), and the replays of this one. */
  replayOf: RequestLink | null;
  replays: RequestLink[];
  /**
   * The signature headers kept for a rejected request (so it can be re-verified), redacted: their names and
   * lengths only. Null when none were kept.
   */
  storedSignature: Record<string, string> | null;
  events: Array<{
    id: string;
    eventType: string;
    status: string;
    occurredAt: string | null;
    messageId: string | null;
  }>;
  message: { id: string; channel: string; status: string } | null;
}

const link = (r: { id: string; receivedAt: Date; outcome: string }): RequestLink => ({
  id: r.id,
  receivedAt: r.receivedAt.toISOString(),
  outcome: r.outcome,
});

export async function getRequest(db: Database, id: string): Promise<RequestDetail | null> {
  if (!UUID.test(id)) return null;
  const row = await db.prisma.webhookRequest.findUnique({ where: { id: id.toLowerCase() } });
  if (!row) return null;
  const linkSelect = { id: true, receivedAt: true, outcome: true } as const;
  const { signatureHeaders, replayOf, ...stored } = row;
  const [original, copies, events, replayed, replays] = await Promise.all([
    row.duplicateOf
      ? db.prisma.webhookRequest.findUnique({ where: { id: row.duplicateOf }, select: linkSelect })
      : null,
    db.prisma.webhookRequest.findMany({
      where: { duplicateOf: row.id },
      orderBy: { receivedAt: "asc" },
      take: MAX_COPIES,
      select: linkSelect,
    }),
    db.prisma.messageEvent.findMany({
      where: { requestId: row.id },
      take: 20,
      select: { id: true, eventType: true, status: true, occurredAt: true, messageId: true },
    }),
    replayOf ? db.prisma.webhookRequest.findUnique({ where: { id: replayOf }, select: linkSelect }) : null,
    db.prisma.webhookRequest.findMany({
      where: { replayOf: row.id },
      orderBy: { receivedAt: "asc" },
      take: MAX_COPIES,
      select: linkSelect,
    }),
  ]);
  const messageId = row.messageId ?? events.find((e) => e.messageId)?.messageId ?? null;
  const message = messageId
    ? await db.prisma.message.findUnique({
        where: { id: messageId },
        select: { id: true, channel: true, status: true },
      })
    : null;
  return {
    ...stored,
    seq: row.seq.toString(),
    receivedAt: row.receivedAt.toISOString(),
    bodyRemovedAt: row.bodyRemovedAt?.toISOString() ?? null,
    diagnosis: (row.diagnosis as Record<string, unknown> | null) ?? null,
    headers: (row.headers as Record<string, string>) ?? {},
    duplicateOf: original ? link(original) : null,
    copies: copies.map(link),
    replayOf: replayed ? link(replayed) : null,
    replays: replays.map(link),
    storedSignature: redactSignature(signatureHeaders),
    events: events.map((e) => ({
      ...e,
      id: e.id.toString(),
      occurredAt: e.occurredAt?.toISOString() ?? null,
    })),
    message,
  };
}

function redactSignature(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== "object") return null;
  return Object.fromEntries(
    Object.entries(value as Record<string, string>).map(([name, v]) => [
      name,
      `[kept for re-verification, ${String(v).length} chars]`,
    ]),
  );
}
