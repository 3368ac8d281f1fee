// API keys for Settings: newest first, bounded; never the key (only its prefix).
import type { Database } from "../db/open";

export interface ApiKeyRow {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiKeys(db: Database, limit = 200): Promise<ApiKeyRow[]> {
  const keys = await db.prisma.apiKey.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    scope: k.scope,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}
