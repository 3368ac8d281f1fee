// "May I send to this address or number, and if not, why?" — for the sender's API and support's views.
import type { Database } from "../db/open";
import { guessChannel, normalizeRecipient } from "../messages/recipients";

export interface SuppressionEntry {
  id: string;
  channel: string;
  scope: string | null;
  reason: string;
  detail: string | null;
  since: string;
  eventId: string | null;
  messageId: string | null;
  active: boolean;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
}

export interface SuppressionStatus {
  recipient: string;
  /** True when the recipient must not be sent to (for the given sender, when one is given). */
  suppressed: boolean;
  entries: SuppressionEntry[];
}

export async function getSuppressionStatus(
  db: Database,
  rawRecipient: string,
  options: { channel?: string; sender?: string | null } = {},
): Promise<SuppressionStatus> {
  const channel = options.channel ?? guessChannel(rawRecipient);
  const recipient = normalizeRecipient(channel, rawRecipient);
  const rows = await db.prisma.suppression.findMany({
    where: { channel, recipient },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  const entries = rows.map((r): SuppressionEntry => ({
    id: r.id.toString(),
    channel: r.channel,
    scope: r.scope || null,
    reason: r.reason,
    detail: r.detail,
    since: r.updatedAt.toISOString(),
    eventId: r.eventId?.toString() ?? null,
    messageId: r.messageId,
    active: !r.liftedAt,
    liftedAt: r.liftedAt?.toISOString() ?? null,
    liftedBy: r.liftedBy,
    liftReason: r.liftReason,
  }));
  // A sender-scoped suppression (a STOP to one number) blocks only that sender; without a sender, any blocks.
  const sender = options.sender ? normalizeRecipient("sms", options.sender) : null;
  const suppressed = entries.some(
    (e) => e.active && (!e.scope || !sender || normalizeRecipient("sms", e.scope) === sender),
  );
  return { recipient, suppressed, entries };
}
