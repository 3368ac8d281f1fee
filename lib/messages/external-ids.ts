// Adds a provider id to a message (usually known only after the provider answered the send) and links
// the events that arrived for it before. Saying the same thing twice is fine; contradicting it is 409.
import type { Database } from "../db/open";
import { AppError } from "../errors/app-error";
import { notFound } from "./errors";
import { linkUnmatchedEvents } from "./link";
import { lockProviderIds } from "./locks";

export interface AddExternalIdResult {
  created: boolean;
  linkedEvents: number;
}

export async function addExternalId(
  db: Database,
  messageId: string,
  provider: "twilio" | "resend",
  externalId: string,
): Promise<AddExternalIdResult> {
  return db.prisma.$transaction(
    async (tx) => {
      await lockProviderIds(tx, [{ provider, externalId }]);
      const message = await tx.message.findUnique({
        where: { id: messageId },
        select: { id: true, channel: true },
      });
      if (!message) throw notFound(messageId);
      if ((provider === "twilio") !== (message.channel === "sms")) {
        throw new AppError("invalid_provider", `a ${message.channel} message cannot have a ${provider} id`);
      }
      const existing = await tx.messageExternalId.findUnique({
        where: { provider_externalId: { provider, externalId } },
        select: { messageId: true },
      });
      if (existing && existing.messageId !== messageId) {
        throw new AppError(
          "conflict",
          `${provider} id ${externalId} already belongs to message ${existing.messageId}`,
        );
      }
      if (!existing) await tx.messageExternalId.create({ data: { messageId, provider, externalId } });
      const linkedEvents = await linkUnmatchedEvents(tx, [{ messageId, provider, externalId }]);
      return { created: !existing, linkedEvents };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
