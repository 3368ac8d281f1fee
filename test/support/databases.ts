// Integration tests run against every available target: in-memory PGlite always, and PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). Each test database is created fresh and dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open";

export type TargetName = "pglite" | "postgres";

export const testTargets: TargetName[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  db: Database;
  /** postgresql:// URL of the fresh database; undefined on PGlite. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and a dropper. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sb_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A migrated database of the given target. */
export async function createTestDatabase(
  target: TargetName,
  { migrate = true, poolSize = 10 } = {},
): Promise<TestDatabase> {
  if (target === "pglite") {
    const db = await openDatabase({ dataDir: "memory://", poolSize: 1 });
    if (migrate) await applyMigrations(db.sql);
    return { db, drop: () => db.close() };
  }
  const empty = await createEmptyPostgresDatabase();
  const db = await openDatabase({ databaseUrl: empty.url, dataDir: "", poolSize });
  if (migrate) await applyMigrations(db.sql);
  return {
    db,
    url: empty.url,
    async drop() {
      await db.close();
      await empty.drop();
    },
  };
}
