// Turns events into suppressions (hard bounce, complaint, provider suppression, STOP, unknown number,
// landline, repeated soft bounces), each recording the event that caused it. Lifting is an admin action,
// recorded in the suppression's history; a later qualifying event suppresses the recipient again.
import type { Channel } from "../providers/types";
import {
  isSoftBounce,
  softBounceShouldSuppress,
  suppressionFor,
  type SuppressionDecision,
} from "../status/suppression-rules";
import { normalizeRecipient } from "./recipients";
import type { TransactionClient } from "./tx";

export interface SuppressionCandidate {
  eventId: bigint;
  messageId: string | null;
  channel: Channel;
  status: string;
  recipient: string | null;
  sender: string | null;
  errorCode: string | null;
  bounceType: string | null;
  detail: string | null;
}

export interface SoftBounceSettings {
  threshold: number;
  windowDays: number;
}

export async function applySuppressions(
  tx: TransactionClient,
  candidates: SuppressionCandidate[],
  softBounce: SoftBounceSettings,
): Promise<void> {
  for (const c of candidates) {
    if (!c.recipient) continue;
    const recipient = normalizeRecipient(c.channel, c.recipient);
    let decision: SuppressionDecision | null = suppressionFor(c);
    if (!decision && isSoftBounce(c)) {
      const since = new Date(Date.now() - softBounce.windowDays * 86_400_000);
      const recent = await tx.messageEvent.findMany({
        where: { channel: "email", recipient, status: "bounced", receivedAt: { gte: since } },
        select: { receivedAt: true, bounceType: true },
      });
      const softTimes = recent
        .filter((r) => /^(temporary|transient)$/i.test(r.bounceType ?? ""))
        .map((r) => r.receivedAt);
      if (softBounceShouldSuppress(softTimes, new Date(), softBounce))
        decision = { reason: "soft_bounce_threshold" };
    }
    if (decision) await suppress(tx, { ...c, recipient }, decision);
  }
}

async function suppress(
  tx: TransactionClient,
  c: SuppressionCandidate & { recipient: string },
  decision: SuppressionDecision,
): Promise<void> {
  const where = {
    channel_recipient_scope: { channel: c.channel, recipient: c.recipient, scope: decision.scope ?? "" },
  };
  const existing = await tx.suppression.findUnique({ where, select: { id: true, liftedAt: true } });
  if (existing && !existing.liftedAt) return;
  const data = {
    reason: decision.reason,
    eventId: c.eventId,
    messageId: c.messageId,
    detail: c.detail,
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
  };
  const row = existing
    ? await tx.suppression.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.suppression.upsert({
        where,
        create: { channel: c.channel, recipient: c.recipient, scope: decision.scope ?? "", ...data },
        update: {},
        select: { id: true },
      });
  await tx.suppressionChange.create({
    data: { suppressionId: row.id, action: "suppressed", reason: decision.reason, eventId: c.eventId },
  });
}
