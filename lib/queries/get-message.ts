// One message as support needs it: status in plain words, milestones, engagement, the error explained,
// whether the recipient is suppressed, its provider ids, and the full timeline — duplicates flagged and
// late arrivals marked.
import type { Database } from "../db/open";
import { explainError } from "../messages/explain";
import type { ErrorExplanation } from "../status/error-codes";
import type { MessageFields } from "./message-fields";
import { getSuppressionStatus, type SuppressionStatus } from "./get-suppression-status";

export interface TimelineEntry {
  kind: "event" | "duplicate";
  at: string;
  receivedAt: string;
  occurredAt: string | null;
  provider: string;
  eventType: string | null;
  status: string | null;
  errorCode: string | null;
  explanation: ErrorExplanation | null;
  late: boolean;
  duplicate: boolean;
  requestId: string;
  duplicateOf: string | null;
  details: unknown;
}

export interface MessageDetail extends MessageFields {
  tags: unknown;
  metadata: unknown;
  milestones: Record<string, string | null>;
  engagement: {
    opened: boolean;
    clicked: boolean;
    openCount: number;
    clickCount: number;
    firstOpenedAt: string | null;
    firstClickedAt: string | null;
  };
  error: {
    code: string | null;
    message: string | null;
    bounceType: string | null;
    bounceSubType: string | null;
    explanation: ErrorExplanation | null;
  } | null;
  suppression: SuppressionStatus;
  externalIds: Array<{ provider: string; externalId: string; createdAt: string }>;
  timeline: TimelineEntry[];
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const TIMELINE_LIMIT = 500;

export async function getMessage(db: Database, id: string): Promise<MessageDetail | null> {
  const message = await db.prisma.message.findUnique({
    where: { id },
    include: {
      externalIds: { orderBy: { createdAt: "asc" } },
      events: { orderBy: [{ receivedAt: "asc" }, { id: "asc" }], take: TIMELINE_LIMIT },
    },
  });
  if (!message) return null;
  // A copy can be the duplicate of a duplicate: a retry (same delivery id) of a request that itself only
  // repeated a stored status under a new delivery id. Follow the chain so every copy is shown.
  const duplicates: Array<{
    id: string;
    receivedAt: Date;
    provider: string;
    eventType: string | null;
    duplicateOf: string | null;
  }> = [];
  let originals = message.events.map((e) => e.requestId);
  for (let depth = 0; originals.length && depth < 5 && duplicates.length < TIMELINE_LIMIT; depth++) {
    const found = await db.prisma.webhookRequest.findMany({
      where: { duplicateOf: { in: originals } },
      orderBy: { receivedAt: "asc" },
      take: TIMELINE_LIMIT - duplicates.length,
      select: { id: true, receivedAt: true, provider: true, eventType: true, duplicateOf: true },
    });
    duplicates.push(...found);
    originals = found.map((d) => d.id);
  }
  const timeline: TimelineEntry[] = [
    ...message.events.map((e): TimelineEntry => ({
      kind: "event",
      at: (e.occurredAt ?? e.receivedAt).toISOString(),
      receivedAt: e.receivedAt.toISOString(),
      occurredAt: iso(e.occurredAt),
      provider: e.provider,
      eventType: e.eventType,
      status: e.status,
      errorCode: e.errorCode,
      explanation: explainError({
        channel: e.channel,
        status: e.status,
        errorCode: e.errorCode,
        bounceType: e.bounceType,
        bounceSubType: e.bounceSubType,
      }),
      late: e.late,
      duplicate: false,
      requestId: e.requestId,
      duplicateOf: null,
      details: e.details,
    })),
    ...duplicates.map((d): TimelineEntry => ({
      kind: "duplicate",
      at: d.receivedAt.toISOString(),
      receivedAt: d.receivedAt.toISOString(),
      occurredAt: null,
      provider: d.provider,
      eventType: d.eventType,
      status: null,
      errorCode: null,
      explanation: null,
      late: false,
      duplicate: true,
      requestId: d.id,
      duplicateOf: d.duplicateOf,
      details: null,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.receivedAt.localeCompare(b.receivedAt));

  const hasError = message.errorCode || message.bounceType;
  return {
    id: message.id,
    channel: message.channel,
    to: message.recipient,
    from: message.sender,
    subject: message.subject,
    campaign: message.campaign,
    tags: message.tags,
    metadata: message.metadata,
    provider: message.provider,
    status: message.status,
    statusAt: iso(message.statusAt),
    sentAt: message.sentAt.toISOString(),
    milestones: {
      deliveredAt: iso(message.deliveredAt),
      failedAt: iso(message.failedAt),
      bouncedAt: iso(message.bouncedAt),
      complainedAt: iso(message.complainedAt),
      firstOpenedAt: iso(message.firstOpenedAt),
      firstClickedAt: iso(message.firstClickedAt),
    },
    engagement: {
      opened: message.openCount > 0 || !!message.firstOpenedAt,
      clicked: message.clickCount > 0 || !!message.firstClickedAt,
      openCount: message.openCount,
      clickCount: message.clickCount,
      firstOpenedAt: iso(message.firstOpenedAt),
      firstClickedAt: iso(message.firstClickedAt),
    },
    error: hasError
      ? {
          code: message.errorCode,
          message: message.errorMessage,
          bounceType: message.bounceType,
          bounceSubType: message.bounceSubType,
          explanation: explainError({
            channel: message.channel,
            status: message.status,
            errorCode: message.errorCode,
            bounceType: message.bounceType,
            bounceSubType: message.bounceSubType,
          }),
        }
      : null,
    suppression: await getSuppressionStatus(db, message.recipient, {
      channel: message.channel,
      sender: message.sender,
    }),
    externalIds: message.externalIds.map((x) => ({
      provider: x.provider,
      externalId: x.externalId,
      createdAt: x.createdAt.toISOString(),
    })),
    timeline,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
}
