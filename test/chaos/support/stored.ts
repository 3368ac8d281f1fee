// Reads what the server stored, straight from its database: PostgreSQL over a connection of our own, the
// embedded database by opening its data directory once the server has stopped (one process per directory).
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface DatabaseRef {
  /** postgresql://… ; undefined is the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

/** Runs `work` with a query function on the database the server used. */
export async function withStored<T>(ref: DatabaseRef, work: (query: Query) => Promise<T>): Promise<T> {
  if (ref.databaseUrl) {
    const client = new pg.Client({ connectionString: ref.databaseUrl });
    await client.connect();
    try {
      return await work(async (sql, params) => (await client.query(sql, params)).rows);
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create({ dataDir: path.join(ref.dataDir, "pglite") });
  try {
    return await work(async <R>(sql: string, params?: unknown[]) => (await db.query<R>(sql, params)).rows);
  } finally {
    await db.close();
  }
}

export interface AckCheck {
  /** Acknowledged requestIds with no webhook_request row. */
  missingRequests: string[];
  /** Acknowledged events (accepted/unmatched) with no message_event row. */
  missingEvents: string[];
}

/**
 * Looks up every acknowledged requestId: its webhook_request row, and for an event that took effect
 * (accepted, unmatched) the message_event row written with it.
 */
export async function checkAcknowledged(
  query: Query,
  acks: Array<{ requestId: string; outcome: string }>,
): Promise<AckCheck> {
  const ids = acks.map((a) => a.requestId);
  const found = new Set<string>();
  const withEvent = new Set<string>();
  for (let i = 0; i < ids.length; i += 2_000) {
    const chunk = ids.slice(i, i + 2_000);
    for (const row of await query<{ id: string }>(
      "SELECT id::text AS id FROM webhook_request WHERE id = ANY($1::uuid[])",
      [chunk],
    ))
      found.add(row.id);
    for (const row of await query<{ id: string }>(
      "SELECT request_id::text AS id FROM message_event WHERE request_id = ANY($1::uuid[])",
      [chunk],
    ))
      withEvent.add(row.id);
  }
  return {
    missingRequests: ids.filter((id) => !found.has(id)),
    missingEvents: acks
      .filter((a) => (a.outcome === "accepted" || a.outcome === "unmatched") && !withEvent.has(a.requestId))
      .map((a) => a.requestId),
  };
}
