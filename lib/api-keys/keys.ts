// API keys created in the dashboard. A key is "sb_" + 32 random bytes (base64url): high-entropy, so a
// plain sha256 is a safe stored form (no slow hash needed), and lookup is one indexed equality.
// Revocation sets revoked_at: the very next request with that key is refused.
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../db/open";

export type KeyScope = "read" | "write";
export const KEY_SCOPES: KeyScope[] = ["read", "write"];

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** Last-used time is written at most this often per key, so a busy sender does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreatedKey {
  id: string;
  /** Shown once, right after creation; never stored. */
  key: string;
  prefix: string;
}

export async function createApiKey(
  db: Database,
  input: { name: string; scope: KeyScope; createdById?: string },
): Promise<CreatedKey> {
  const key = "sb_" + randomBytes(32).toString("base64url");
  const prefix = key.slice(0, 7);
  const row = await db.prisma.apiKey.create({
    data: {
      name: input.name,
      scope: input.scope,
      keyHash: hashKey(key),
      prefix,
      createdById: input.createdById ?? null,
    },
  });
  return { id: row.id, key, prefix };
}

export async function revokeApiKey(db: Database, id: string): Promise<{ name: string } | null> {
  const key = await db.prisma.apiKey.findUnique({ where: { id } });
  if (!key || key.revokedAt) return null;
  await db.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  return { name: key.name };
}

export interface KeyCaller {
  id: string;
  name: string;
  scope: KeyScope;
}

/** The live (unrevoked) key a bearer token is, or null. */
export async function findLiveKey(db: Database, offered: string): Promise<KeyCaller | null> {
  if (!offered.startsWith("sb_") || offered.length > 100) return null;
  const key = await db.prisma.apiKey.findUnique({ where: { keyHash: hashKey(offered) } });
  if (!key || key.revokedAt) return null;
  const staleBefore = new Date(Date.now() - LAST_USED_RESOLUTION_MS);
  await db.prisma.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: new Date() },
  });
  return { id: key.id, name: key.name, scope: key.scope === "write" ? "write" : "read" };
}
