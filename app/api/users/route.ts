import { apiRoute, json, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors/app-error";
import { inviteOrCreateUser, newUserSchema } from "@/lib/auth/manage-users";
import { UserChangeError } from "@/lib/auth/users";
import { listUsers } from "@/lib/queries/list-users";

export const dynamic = "force-dynamic";

const ADMINS = { roles: ["admin" as const], sessionOnly: true };

// Invites a user (a one-time link in the answer), or creates them at once when a password is given.
export const POST = apiRoute(async ({ db, request, caller }) => {
  const input = await readJson(request, newUserSchema);
  try {
    const result = await inviteOrCreateUser(db, { id: caller.userId, label: caller.label }, input);
    if (!result.id && !result.inviteUrl)
      throw new AppError("conflict", "A user with this email already exists");
    return json({ ...result, email: input.email, role: input.role }, 201);
  } catch (error) {
    if (error instanceof UserChangeError)
      throw new AppError(error.code === "email_taken" ? "conflict" : "invalid_request", error.message);
    throw error;
  }
}, ADMINS);

export const GET = apiRoute(async ({ db }) => ({ users: await listUsers(db) }), ADMINS);
