// Applies prisma/migrations/* in order with Prisma's own bookkeeping table, so the Prisma CLI stays usable
// wherever its native engine is installed. Ours because that engine is not needed at run time and cannot
// drive the embedded PGlite (docs/architecture.md, "Migrations").
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlDriver, SqlSession } from "./sql-driver";

// The same advisory lock key the Prisma CLI takes, so our migrator and `prisma migrate` never overlap.
const MIGRATION_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export function defaultMigrationsDir(): string {
  // Read at run time from the project root (npm start runs there), not bundled into the build.
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
}

export async function readMigrations(dir = defaultMigrationsDir()): Promise<MigrationFile[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"));
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    }),
  );
}

const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export class MigrationError extends Error {
  name = "MigrationError";
}

/** Applies every migration not yet applied; each in its own transaction, under the advisory lock. */
export async function applyMigrations(
  driver: SqlDriver,
  dir = defaultMigrationsDir(),
): Promise<MigrationReport> {
  const migrations = await readMigrations(dir);
  return driver.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await applyUnderLock(session, migrations);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyUnderLock(session: SqlSession, migrations: MigrationFile[]): Promise<MigrationReport> {
  await session.exec(CREATE_BOOKKEEPING);
  const rows = await session.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((r) => [r.migration_name, r]));
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };

  for (const migration of migrations) {
    const previous = applied.get(migration.name);
    if (previous?.finished_at) {
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied. Migrations are history: revert the edit and write a new migration (npm run db:migration -- <name>).`,
        );
      }
      report.alreadyApplied++;
      continue;
    }
    if (previous) {
      throw new MigrationError(
        `Migration ${migration.name} started earlier and did not finish. Fix the database by hand, then delete its row from _prisma_migrations.`,
      );
    }
    await applyOne(session, migration);
    report.applied.push(migration.name);
  }
  return report;
}

async function applyOne(session: SqlSession, migration: MigrationFile): Promise<void> {
  await session.exec("BEGIN");
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
