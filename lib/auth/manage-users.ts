// What an admin does to users, each change recorded in the audit trail. Used by Settings (server
// actions) and the users API. The caller is already known to be an admin.
import { z } from "zod";
import { getBaseUrl } from "../config/validate";
import { getConfig } from "../env";
import type { Database } from "../db/open";
import { recordAudit, type AuditActor } from "../audit/record";
import { createAccessLink } from "./access-links";
import { ROLES, type Role } from "./roles";
import { changeUserRole, createUserWithPassword, setUserDisabled } from "./users";

export const newUserSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((v) => v.toLowerCase()),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES),
  /** With a password the user exists at once (automation); without, an invitation link is made. */
  password: z.string().min(12).max(256).optional(),
});

export type NewUser = z.infer<typeof newUserSchema>;

export async function inviteOrCreateUser(
  db: Database,
  actor: AuditActor,
  input: NewUser,
): Promise<{ id?: string; inviteUrl?: string }> {
  if (input.password) {
    const user = await createUserWithPassword(db, {
      email: input.email,
      name: input.name || input.email,
      role: input.role,
      password: input.password,
    });
    await recordAudit(
      { actor, action: "user.created", target: input.email, details: { role: input.role } },
      { db },
    );
    return { id: user.id };
  }
  if (await db.prisma.user.findUnique({ where: { email: input.email } })) return { id: undefined };
  const link = await createAccessLink(db, {
    purpose: "invite",
    email: input.email,
    role: input.role,
    createdById: actor.id ?? undefined,
  });
  await recordAudit(
    { actor, action: "user.invited", target: input.email, details: { role: input.role } },
    { db },
  );
  return { inviteUrl: getBaseUrl(getConfig()) + link.path };
}

export async function changeRole(db: Database, actor: AuditActor, userId: string, role: Role): Promise<void> {
  const { from } = await changeUserRole(db, userId, role);
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  await recordAudit(
    { actor, action: "user.role_changed", target: user?.email, details: { from, to: role } },
    { db },
  );
}

export async function setDisabled(
  db: Database,
  actor: AuditActor,
  userId: string,
  disabled: boolean,
): Promise<void> {
  await setUserDisabled(db, userId, disabled);
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  await recordAudit(
    { actor, action: disabled ? "user.disabled" : "user.enabled", target: user?.email },
    { db },
  );
}

/** A one-time link that sets a new password; the admin hands it over (it is shown once). */
export async function createPasswordResetLink(
  db: Database,
  actor: AuditActor,
  userId: string,
): Promise<string | null> {
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  const link = await createAccessLink(db, { purpose: "reset", userId, createdById: actor.id ?? undefined });
  await recordAudit({ actor, action: "user.password_reset_link", target: user.email }, { db });
  return getBaseUrl(getConfig()) + link.path;
}
