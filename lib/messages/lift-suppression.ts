// Lifting a suppression is an admin decision: kept on the row (who, when, why) and in its history.
import type { Database } from "../db/open";
import { AppError } from "../errors/app-error";
import { guessChannel, normalizeRecipient } from "./recipients";

export async function liftSuppression(
  db: Database,
  input: { recipient: string; channel?: string; scope?: string; reason: string; actor: string },
): Promise<number> {
  const channel = input.channel ?? guessChannel(input.recipient);
  const recipient = normalizeRecipient(channel, input.recipient);
  return db.prisma.$transaction(async (tx) => {
    const active = await tx.suppression.findMany({
      where: {
        channel,
        recipient,
        liftedAt: null,
        ...(input.scope !== undefined ? { scope: input.scope } : {}),
      },
      select: { id: true },
    });
    if (!active.length) throw new AppError("not_found", `${recipient} has no active suppression to lift`);
    const now = new Date();
    for (const { id } of active) {
      await tx.suppression.update({
        where: { id },
        data: { liftedAt: now, liftedBy: input.actor, liftReason: input.reason },
      });
      await tx.suppressionChange.create({
        data: { suppressionId: id, action: "lifted", reason: input.reason, actor: input.actor },
      });
    }
    return active.length;
  });
}
