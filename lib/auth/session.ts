// The signed-in user behind a request's session cookie, or null. A disabled user or a role that is not
// one of ours counts as signed out.
import { getAuth } from "./server";
import { isRole, type SessionUser } from "./roles";

export { hasSessionCookie } from "./session-cookie";

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; disabledAt?: Date | null };
  if (user.disabledAt || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
