// API keys for the sending application: `Authorization: Bearer <key>`, one of API_KEYS (several during a
// rotation). Compared in constant time; the key itself is never logged — only a short fingerprint.
import { createHash, timingSafeEqual } from "node:crypto";

export interface ApiCaller {
  /** "key:<first 8 hex of sha256>": enough to tell keys apart in logs and audit rows. */
  label: string;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

export function authenticate(authorization: string | null, apiKeys: string[]): ApiCaller | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || apiKeys.length === 0) return null;
  const offered = digest(match[1]);
  // Every configured key is compared (no early exit), so timing tells nothing about which one was close.
  let found: string | null = null;
  for (const key of apiKeys) {
    if (timingSafeEqual(offered, digest(key))) found ??= key;
  }
  return found ? { label: `key:${digest(found).toString("hex").slice(0, 8)}` } : null;
}
