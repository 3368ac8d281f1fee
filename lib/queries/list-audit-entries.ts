// The audit trail for Settings: the newest entries, by the index on `at`.
import type { Database } from "../db/open";

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export async function listAuditEntries(db: Database, limit = 100): Promise<AuditRow[]> {
  const rows = await db.prisma.auditEntry.findMany({ orderBy: { at: "desc" }, take: Math.min(limit, 500) });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    target: r.target,
    details: (r.details ?? {}) as Record<string, unknown>,
  }));
}
