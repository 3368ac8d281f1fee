// Creating and changing dashboard users. Passwords are hashed by better-auth (its own scrypt hashing)
// and stored on the user's credential account, exactly as its sign-in expects them.
import type { Database } from "../db/open";
import { getAuth } from "./server";
import type { Role } from "./roles";

export class UserChangeError extends Error {
  constructor(
    readonly code: "email_taken" | "not_found" | "last_admin" | "weak_password",
    message: string,
  ) {
    super(message);
  }
}

async function hashPassword(password: string): Promise<string> {
  if (password.length < 12) throw new UserChangeError("weak_password", "Use at least 12 characters.");
  if (password.length > 256) throw new UserChangeError("weak_password", "Use at most 256 characters.");
  const ctx = await getAuth().$context;
  return ctx.password.hash(password);
}

export async function createUserWithPassword(
  db: Database,
  input: { email: string; name: string; role: Role; password: string },
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (await db.prisma.user.findUnique({ where: { email } }))
    throw new UserChangeError("email_taken", "A user with this email already exists.");
  const hash = await hashPassword(input.password);
  const ctx = await getAuth().$context;
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name.trim() || email, role: input.role },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    providerId: "credential",
    accountId: user.id,
    userId: user.id,
    password: hash,
  });
  return { id: user.id };
}

/** Sets a user's password and signs them out everywhere (an old session must not outlive a reset). */
export async function setUserPassword(db: Database, userId: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  const ctx = await getAuth().$context;
  const account = await ctx.internalAdapter.findCredentialAccount(userId);
  if (account) await ctx.internalAdapter.updatePassword(userId, hash);
  else
    await ctx.internalAdapter.linkAccount({
      providerId: "credential",
      accountId: userId,
      userId,
      password: hash,
    });
  await db.prisma.session.deleteMany({ where: { userId } });
}

async function assertNotLastAdmin(db: Database, userId: string): Promise<void> {
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserChangeError("not_found", "No such user.");
  if (user.role !== "admin" || user.disabledAt) return;
  const admins = await db.prisma.user.count({ where: { role: "admin", disabledAt: null } });
  if (admins <= 1)
    throw new UserChangeError("last_admin", "This is the only active admin: make another admin first.");
}

export async function changeUserRole(db: Database, userId: string, role: Role): Promise<{ from: string }> {
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserChangeError("not_found", "No such user.");
  if (role !== "admin") await assertNotLastAdmin(db, userId);
  await db.prisma.user.update({ where: { id: userId }, data: { role } });
  return { from: user.role };
}

/** Disabling revokes every session at once; enabling lets the user sign in again. */
export async function setUserDisabled(db: Database, userId: string, disabled: boolean): Promise<void> {
  if (disabled) await assertNotLastAdmin(db, userId);
  await db.prisma.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
  if (disabled) await db.prisma.session.deleteMany({ where: { userId } });
}
