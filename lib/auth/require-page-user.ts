// For server components and pages: the signed-in user, or a redirect to /sign-in (signed out) or the
// 403 page (signed in, role not allowed). Every page in the dashboard calls it, and the shell's layout
// calls it too, so a page that forgets still never renders for an anonymous visitor.
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { getSessionUser } from "./session";
import type { Role, SessionUser } from "./roles";

export type { Role, SessionUser } from "./roles";
export { canSeeRecipients } from "./roles";

/** One session lookup per request, however many components ask. */
const currentUser = cache(async (): Promise<SessionUser | null> => getSessionUser(await headers()));

export async function requirePageUser(options: { allow?: Role[] } = {}): Promise<SessionUser> {
  // Without the database nobody can be checked: the lookup throws and error.tsx says so, rather than
  // claiming the visitor is signed out.
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-signalboard-path") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (options.allow && !options.allow.includes(user.role)) forbidden();
  return user;
}

/** The signed-in user or null, for pages that render for both (sign-in redirects a signed-in user). */
export async function getPageUser(): Promise<SessionUser | null> {
  return currentUser();
}
