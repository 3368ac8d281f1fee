// Who is calling the API, and what they may do. Three ways in:
//  - a key from API_KEYS (environment; automation): full access, compared in constant time;
//  - a key created on Settings (stored as its sha256): its scope, read or write, refused once revoked;
//  - the dashboard's session cookie (the pages' own fetches, the live log's stream): the user's role.
// Keys are never logged — only a short fingerprint or the key's name.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "../db/open";
import { findLiveKey, type KeyScope } from "../api-keys/keys";
import { getSessionUser, hasSessionCookie } from "../auth/session";
import { canWrite, type Role } from "../auth/roles";

export interface ApiCaller {
  /** "key:<first 8 hex of sha256>", "key:<name>" or the user's email: for logs and the audit trail. */
  label: string;
  kind: "env-key" | "api-key" | "session";
  scope: KeyScope;
  /** The signed-in user's role; null for keys (the sending application sees its own recipients). */
  role: Role | null;
  userId?: string;
  keyId?: string;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

export function bearerToken(authorization: string | null): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? null;
}

/** A key from API_KEYS, or null. Every configured key is compared (no early exit), so timing tells nothing. */
export function authenticateEnvKey(offeredKey: string, apiKeys: string[]): ApiCaller | null {
  const offered = digest(offeredKey);
  let found: string | null = null;
  for (const key of apiKeys) {
    if (timingSafeEqual(offered, digest(key))) found ??= key;
  }
  if (!found) return null;
  return {
    label: `key:${digest(found).toString("hex").slice(0, 8)}`,
    kind: "env-key",
    scope: "write",
    role: null,
  };
}

/**
 * The caller, or null. The database is opened only when needed: an API_KEYS key or an anonymous request
 * is answered without it (so a caller without credentials gets 401, not 503, while the database is down).
 */
export async function authenticate(
  request: Request,
  apiKeys: string[],
  openDb: () => Promise<Database>,
): Promise<ApiCaller | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (token) {
    const envCaller = authenticateEnvKey(token, apiKeys);
    if (envCaller) return envCaller;
    const key = await findLiveKey(await openDb(), token);
    if (key)
      return { label: `key:${key.name}`, kind: "api-key", scope: key.scope, role: null, keyId: key.id };
    // A wrong bearer token is refused even when a session cookie is also present: no silent fallback.
    return null;
  }
  if (!hasSessionCookie(request.headers.get("cookie"))) return null;
  await openDb();
  const user = await getSessionUser(request.headers);
  if (!user) return null;
  return {
    label: user.email,
    kind: "session",
    scope: canWrite(user) ? "write" : "read",
    role: user.role,
    userId: user.id,
  };
}
