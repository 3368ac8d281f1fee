"use server";
// Replays from the live log and the inspector: one stored request, or the signature rejections of a time
// range re-verified in bulk. Admin only (lib/auth/roles.ts, canReplay); each is recorded in the audit trail.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { canReplay } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/runtime";
import { getConfig } from "@/lib/env";
import { PROVIDERS } from "@/lib/providers/types";
import { replayStoredRequest } from "@/lib/replay/replay-request";
import { startReverifyRun } from "@/lib/replay/reverify-run";
import { loadStoredRequest } from "@/lib/replay/stored-request";

export interface ReplayState {
  ok: boolean;
  message: string;
  replayId?: string;
}

async function replayActor(): Promise<AuditActor | null> {
  const user = await requirePageUser({ allow: ["admin", "support"] });
  return canReplay(user) ? { id: user.id, label: user.email } : null;
}

const NOT_ALLOWED = "Only an admin may replay requests.";

export async function replayRequestAction(_previous: ReplayState, form: FormData): Promise<ReplayState> {
  const actor = await replayActor();
  if (!actor) return { ok: false, message: NOT_ALLOWED };
  const requestId = z.uuid().safeParse(form.get("requestId"));
  if (!requestId.success) return { ok: false, message: "Unknown request." };
  const db = await getDatabase();
  const row = await loadStoredRequest(db, requestId.data);
  if (!row) return { ok: false, message: "This request no longer exists." };
  const result = await replayStoredRequest(db, getConfig(), row, actor);
  if (result.status !== "replayed") {
    const why = {
      ineligible: "It cannot be replayed:",
      still_failing: "It still fails verification:",
      unavailable: "The database did not take the replay:",
    }[result.status];
    return { ok: false, message: `${why} ${result.reason}.` };
  }
  await recordAudit(
    {
      actor,
      action: "request.replayed",
      target: row.id,
      details: { replayId: result.replayId, outcome: result.outcome, verification: result.verification },
    },
    { db },
  );
  revalidatePath(`/events/${row.id}`);
  return { ok: true, message: `Replayed: ${result.outcome.replace("_", " ")}.`, replayId: result.replayId };
}

export interface ReverifyState {
  ok: boolean;
  message: string;
  runId?: string;
}

const MAX_RANGE_DAYS = 31;

const reverifyForm = z
  .object({
    provider: z.enum(["", ...PROVIDERS]).default(""),
    from: z.iso.datetime({ offset: true, message: "Choose when the range starts." }),
    to: z.iso.datetime({ offset: true, message: "Choose when the range ends." }),
  })
  .refine((f) => new Date(f.from) < new Date(f.to), "The range must end after it starts.")
  .refine(
    (f) => new Date(f.to).getTime() - new Date(f.from).getTime() <= MAX_RANGE_DAYS * 86_400_000,
    `Choose at most ${MAX_RANGE_DAYS} days.`,
  );

export async function startReverifyAction(_previous: ReverifyState, form: FormData): Promise<ReverifyState> {
  const actor = await replayActor();
  if (!actor) return { ok: false, message: NOT_ALLOWED };
  const parsed = reverifyForm.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "The form is not valid." };
  const db = await getDatabase();
  const result = await startReverifyRun(db, getConfig(), actor, {
    provider: parsed.data.provider || null,
    from: new Date(parsed.data.from),
    to: new Date(parsed.data.to),
  });
  if (!result.started)
    return {
      ok: false,
      message: "A re-verification is already running. Wait for it to finish; its progress is shown below.",
      runId: result.runId ?? undefined,
    };
  return { ok: true, message: "Re-verification started.", runId: result.runId };
}
