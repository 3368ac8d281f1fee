"use server";
// Lifting a suppression from the page: allowed to admin and support, recorded on the suppression with who
// and why (its history keeps both the suppression and the lift).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { getDatabase } from "@/lib/db/runtime";
import { AppError } from "@/lib/errors/app-error";
import { liftSuppression } from "@/lib/messages/lift-suppression";
import { requireViewer } from "@/lib/support/viewer";

export interface LiftState {
  ok: boolean;
  message: string;
}

const liftForm = z.object({
  recipient: z.string().trim().min(1).max(320),
  channel: z.enum(["sms", "email"]),
  scope: z.string().trim().max(64),
  /** The list's query string, to return to it. */
  back: z.string().max(2000).default(""),
  reason: z
    .string()
    .trim()
    .min(3, "Say why in a few words: it is kept with the suppression's history")
    .max(500, "Keep the reason under 500 characters"),
});

export async function liftSuppressionAction(_previous: LiftState, form: FormData): Promise<LiftState> {
  const viewer = await requireViewer(["admin", "support"]);
  if (!viewer.canLiftSuppressions) return { ok: false, message: "Your role may not lift suppressions." };
  const parsed = liftForm.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "The form is not valid" };
  const { recipient, channel, scope, reason } = parsed.data;
  const db = await getDatabase();
  try {
    await liftSuppression(db, { recipient, channel, scope, reason, actor: viewer.label });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      return { ok: false, message: "This suppression was already lifted." };
    throw error;
  }
  await recordAudit(
    {
      actor: { id: viewer.id, label: viewer.label },
      action: "suppression.lifted",
      target: recipient,
      details: { reason, channel, ...(scope ? { scope } : {}) },
    },
    { db },
  );
  revalidatePath("/suppressions");
  // Back to the list the person was looking at, which says what was lifted (also without JavaScript).
  const back = new URLSearchParams(parsed.data.back);
  back.delete("cursor");
  back.set("lifted", recipient);
  redirect(`/suppressions?${back}`);
}
