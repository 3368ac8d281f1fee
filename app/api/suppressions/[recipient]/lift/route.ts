import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { recordAudit } from "@/lib/audit/record";
import { liftSuppression } from "@/lib/messages/lift-suppression";
import { getSuppressionStatus } from "@/lib/queries/get-suppression-status";

export const dynamic = "force-dynamic";

const liftSchema = z
  .object({
    channel: z.enum(["sms", "email"]).optional(),
    scope: z.string().trim().optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

// An admin lifts a suppression (e.g. the customer fixed their mailbox); recorded with who and why.
// The segment arrives already percent-decoded from Next.js.
export const POST = apiRoute<{ recipient: string }>(async ({ db, request, caller }, { recipient }) => {
  const body = await readJson(request, liftSchema);
  const lifted = await liftSuppression(db, {
    recipient,
    channel: body.channel,
    scope: body.scope,
    reason: body.reason,
    actor: caller.label,
  });
  if (lifted > 0)
    await recordAudit(
      {
        actor: { id: caller.userId ?? caller.keyId, label: caller.label },
        action: "suppression.lifted",
        target: recipient,
        details: { reason: body.reason, channel: body.channel ?? "any", count: lifted },
      },
      { db },
    );
  return { lifted, ...(await getSuppressionStatus(db, recipient, { channel: body.channel })) };
});
