// Records a send that failed synchronously at the provider (the API call itself was refused): no
// callback will ever come, so this is the message's only status event. Idempotent per message.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/open";
import { applyEventsToMessages } from "./apply-events";
import { notFound } from "./errors";
import { defaultProvider } from "./schemas";

export async function markSendFailed(
  db: Database,
  messageId: string,
  failure: { code: string; message?: string },
): Promise<{ recorded: boolean }> {
  return db.prisma.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { id: messageId },
      select: { id: true, channel: true, provider: true, recipient: true, sender: true },
    });
    if (!message) throw notFound(messageId);
    const channel = message.channel as "sms" | "email";
    const provider = message.provider ?? defaultProvider(channel);
    const effectKey = `api:${messageId}:send_failed`;
    const now = new Date();
    const inserted = await tx.messageEvent.createManyAndReturn({
      data: [
        {
          provider,
          channel,
          effectKey,
          deliveryId: effectKey,
          requestId: randomUUID(),
          externalId: messageId,
          messageId,
          eventType: "api.send_failed",
          status: "failed",
          occurredAt: channel === "email" ? now : null,
          receivedAt: now,
          recipient: message.recipient,
          sender: message.sender,
          errorCode: failure.code,
          errorMessage: failure.message ?? null,
          details: { source: "POST /api/messages/{id}/failed" },
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!inserted.length) return { recorded: false };
    await applyEventsToMessages(tx, [
      {
        eventId: inserted[0].id,
        messageId,
        event: {
          status: "failed",
          occurredAt: channel === "email" ? now : null,
          deliveryId: effectKey,
          receivedAt: now,
          errorCode: failure.code,
          errorMessage: failure.message ?? null,
        },
      },
    ]);
    return { recorded: true };
  });
}
