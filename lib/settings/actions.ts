"use server";
// Settings' server actions (admin only). Each checks the session itself: a server action is an HTTP
// endpoint of its own, whatever page shows its form. Next.js refuses actions posted from another origin.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDatabase } from "../db/runtime";
import { recordAudit, type AuditActor } from "../audit/record";
import { createApiKey, revokeApiKey } from "../api-keys/keys";
import { requirePageUser } from "../auth/require-page-user";
import { changeRole, createPasswordResetLink, inviteOrCreateUser, setDisabled } from "../auth/manage-users";
import { ROLES } from "../auth/roles";
import { UserChangeError } from "../auth/users";

export interface ActionState {
  error?: string;
  /** A one-time value to show once: an invitation or reset link, or a new API key. */
  secret?: string;
  message?: string;
}

async function adminActor(): Promise<AuditActor> {
  const user = await requirePageUser({ allow: ["admin"] });
  return { id: user.id, label: user.email };
}

async function attempt(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    const state = await run();
    revalidatePath("/settings");
    return state;
  } catch (error) {
    if (error instanceof UserChangeError) return { error: error.message };
    throw error;
  }
}

const inviteSchema = z.object({ email: z.email("Enter a valid email address."), role: z.enum(ROLES) });

export async function inviteUser(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = inviteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  return attempt(async () => {
    const result = await inviteOrCreateUser(await getDatabase(), actor, {
      email: parsed.data.email.toLowerCase(),
      role: parsed.data.role,
    });
    if (!result.inviteUrl) return { error: "A user with this email already exists." };
    return {
      secret: result.inviteUrl,
      message: `Invitation for ${parsed.data.email} (valid 72 hours, once):`,
    };
  });
}

export async function updateUserRole(userId: string, role: string): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = z.enum(ROLES).safeParse(role);
  if (!parsed.success) return { error: "Unknown role." };
  return attempt(async () => {
    await changeRole(await getDatabase(), actor, userId, parsed.data);
    return { message: `Role changed to ${parsed.data}.` };
  });
}

export async function updateUserDisabled(userId: string, disabled: boolean): Promise<ActionState> {
  const actor = await adminActor();
  return attempt(async () => {
    await setDisabled(await getDatabase(), actor, userId, disabled);
    return { message: disabled ? "Disabled; their sessions are closed." : "Enabled." };
  });
}

export async function makeResetLink(userId: string): Promise<ActionState> {
  const actor = await adminActor();
  return attempt(async () => {
    const url = await createPasswordResetLink(await getDatabase(), actor, userId);
    return url
      ? { secret: url, message: "Password reset link (valid 24 hours, once):" }
      : { error: "No such user." };
  });
}

const keySchema = z.object({
  name: z.string().trim().min(1, "Name the key (who or what uses it).").max(100),
  scope: z.enum(["read", "write"]),
});

export async function createKey(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = keySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  return attempt(async () => {
    const db = await getDatabase();
    const key = await createApiKey(db, { ...parsed.data, createdById: actor.id ?? undefined });
    await recordAudit(
      {
        actor,
        action: "api_key.created",
        target: parsed.data.name,
        details: { scope: parsed.data.scope, prefix: key.prefix },
      },
      { db },
    );
    return {
      secret: key.key,
      message: `Key "${parsed.data.name}" (${parsed.data.scope}). Copy it now: it is not shown again.`,
    };
  });
}

export async function revokeKey(id: string): Promise<ActionState> {
  const actor = await adminActor();
  return attempt(async () => {
    const db = await getDatabase();
    const revoked = z.uuid().safeParse(id).success ? await revokeApiKey(db, id) : null;
    if (!revoked) return { error: "This key does not exist or is already revoked." };
    await recordAudit({ actor, action: "api_key.revoked", target: revoked.name }, { db });
    return { message: `Key "${revoked.name}" revoked: it is refused from now on.` };
  });
}
