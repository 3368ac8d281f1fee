// The name of the session cookie (better-auth's, with our prefix; "__Secure-" when served over https).
// A presence check only — for the proxy's early redirect; the session itself is checked in the database.
export const SESSION_COOKIE = "signalboard.session_token";

export function hasSessionCookie(cookieHeader: string | null): boolean {
  return /(?:^|;\s*)(?:__Secure-)?signalboard\.session_token=/.test(cookieHeader ?? "");
}
