// Bulk loading is several times faster into tables without their secondary indexes: they are dropped
// for the load and rebuilt once at the end, each from its own definition as the database reports it
// (pg_indexes), so what comes back is exactly what the migrations created. Primary keys stay.
import type { SqlSession } from "../../lib/db/sql-driver";

const TABLES = ["message", "message_event", "message_external_id"];

export interface IndexDefinition {
  name: string;
  definition: string;
}

export async function dropSecondaryIndexes(s: SqlSession): Promise<IndexDefinition[]> {
  const rows = await s.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')
      ORDER BY i.indexname`,
    [TABLES],
  );
  for (const row of rows) await s.exec(`DROP INDEX IF EXISTS "${row.name}"`);
  return rows;
}

export async function restoreIndexes(s: SqlSession, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) {
    const exists = await s.query(
      `SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1`,
      [index.name],
    );
    if (!exists.length) await s.exec(index.definition);
  }
}
