// Our own migrator (lib/db/migrate.ts) against each database target: it must apply prisma/migrations/*
// exactly once, keep Prisma's `_prisma_migrations` bookkeeping (so the Prisma CLI stays usable), refuse
// history that was edited, roll back a failing migration, and serialise concurrent starts (advisory lock).
import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open";
import type { SqlDriver } from "@/lib/db/sql-driver";
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  testTargets,
  type TestDatabase,
} from "./support/databases";

const root = fileURLToPath(new URL("..", import.meta.url));
const migrationsDir = path.join(root, "prisma", "migrations");
const MIGRATION_LOCK_KEY = 72707369;

interface BookkeepingRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function migrationFolders(dir = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

function bookkeeping(sql: SqlDriver): Promise<BookkeepingRow[]> {
  return sql.withSession((s) =>
    s.query<BookkeepingRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
    ),
  );
}

async function tableExists(sql: SqlDriver, table: string): Promise<boolean> {
  const [row] = await sql.withSession((s) =>
    s.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [`public.${table}`]),
  );
  return row.found !== null;
}

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of prisma/migrations that a test may change, plus optional extra migrations. */
async function copyMigrations(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalboard-migrations-"));
  tempDirs.push(dir);
  await cp(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe.each(testTargets)("migrations on %s", (target) => {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.drop()));
  });

  async function emptyDatabase(): Promise<Database> {
    const t = await createTestDatabase(target, { migrate: false });
    open.push(t);
    return t.db;
  }

  it("apply every migration to an empty database, with Prisma's bookkeeping, and nothing on a second run", async () => {
    const db = await emptyDatabase();
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(await tableExists(db.sql, "message")).toBe(false);

    const first = await applyMigrations(db.sql, migrationsDir);
    expect(first).toEqual({ applied: folders, alreadyApplied: 0 });

    const rows = await bookkeeping(db.sql);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.checksum).toBe(await sha256(path.join(migrationsDir, row.migration_name, "migration.sql")));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const second = await applyMigrations(db.sql, migrationsDir);
    expect(second).toEqual({ applied: [], alreadyApplied: folders.length });
    expect(await bookkeeping(db.sql)).toHaveLength(folders.length);
  });

  it("create the tables, and the unique (provider, external_id) constraint holds through Prisma", async () => {
    const db = await emptyDatabase();
    await applyMigrations(db.sql, migrationsDir);
    expect(await tableExists(db.sql, "message")).toBe(true);
    expect(await tableExists(db.sql, "message_external_id")).toBe(true);

    const message = await db.prisma.message.create({ data: { channel: "sms", recipient: "+14155550100" } });
    await db.prisma.messageExternalId.create({
      data: { messageId: message.id, provider: "twilio", externalId: "SM00000000000000000000000000000001" },
    });
    await expect(
      db.prisma.messageExternalId.create({
        data: { messageId: message.id, provider: "twilio", externalId: "SM00000000000000000000000000000001" },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    // The same id from another provider is a different message id.
    await db.prisma.messageExternalId.create({
      data: { messageId: message.id, provider: "resend", externalId: "SM00000000000000000000000000000001" },
    });
    expect(await db.prisma.messageExternalId.count()).toBe(2);
  });

  it("apply only the new migration when one is added later", async () => {
    const db = await emptyDatabase();
    const dir = await copyMigrations();
    await applyMigrations(db.sql, dir);
    const added = "29990101000000_add_probe";
    await mkdir(path.join(dir, added));
    await writeFile(
      path.join(dir, added, "migration.sql"),
      `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);`,
    );

    const report = await applyMigrations(db.sql, dir);
    expect(report.applied).toEqual([added]);
    expect(report.alreadyApplied).toBe((await migrationFolders()).length);
    expect(await tableExists(db.sql, "probe")).toBe(true);
  });

  it("refuse a migration that was edited after it was applied", async () => {
    const db = await emptyDatabase();
    const dir = await copyMigrations();
    const [first] = await migrationFolders(dir);
    await applyMigrations(db.sql, dir);
    const before = await bookkeeping(db.sql);

    await appendFile(path.join(dir, first, "migration.sql"), `\nCREATE TABLE "sneaky" ("id" INTEGER);\n`);
    const refused = applyMigrations(db.sql, dir);
    await expect(refused).rejects.toBeInstanceOf(MigrationError);
    await expect(refused).rejects.toThrow(new RegExp(`Migration ${first} was changed after it was applied`));

    expect(await tableExists(db.sql, "sneaky")).toBe(false);
    expect(await bookkeeping(db.sql)).toEqual(before);
    // The refusal released the migration lock: the next start (or the Prisma CLI) is not blocked.
    await assertMigrationLockFree(db);
  });

  it("roll back a failing migration, record nothing for it, and apply it once fixed", async () => {
    const db = await emptyDatabase();
    const broken = "29990101000000_broken";
    const dir = await copyMigrations({
      [broken]: `CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n`,
    });

    const failed = applyMigrations(db.sql, dir);
    await expect(failed).rejects.toBeInstanceOf(MigrationError);
    await expect(failed).rejects.toThrow(
      new RegExp(`Migration ${broken} failed and was rolled back: .*no_such_table`),
    );
    expect(await tableExists(db.sql, "half_done")).toBe(false);
    // The migrations before it stay applied.
    expect((await bookkeeping(db.sql)).map((r) => r.migration_name)).toEqual(await migrationFolders());
    await assertMigrationLockFree(db);

    await writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect((await applyMigrations(db.sql, dir)).applied).toEqual([broken]);
    expect(await tableExists(db.sql, "half_done")).toBe(true);
  });

  it("refuse to continue past a migration that started and never finished", async () => {
    const db = await emptyDatabase();
    const unfinished = "29990101000000_unfinished";
    const dir = await copyMigrations({ [unfinished]: `CREATE TABLE "later" ("id" INTEGER);` });
    await applyMigrations(db.sql, migrationsDir);
    await db.sql.withSession((s) =>
      s.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ('00000000-0000-0000-0000-000000000001', $1, $2, now(), 0)`,
        ["0".repeat(64), unfinished],
      ),
    );
    await expect(applyMigrations(db.sql, dir)).rejects.toThrow(
      new RegExp(`Migration ${unfinished} started earlier and did not finish`),
    );
    expect(await tableExists(db.sql, "later")).toBe(false);
  });

  async function assertMigrationLockFree(db: Database): Promise<void> {
    if (target === "pglite") return; // one session: session-level advisory locks cannot block anyone
    const t = open.find((o) => o.db === db)!;
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      const [row] = (
        await other.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
          MIGRATION_LOCK_KEY,
        ])
      ).rows;
      expect(row.locked).toBe(true);
    } finally {
      await other.end();
    }
  }
});

describe.runIf(testTargets.includes("postgres"))("migrations on postgres, started concurrently", () => {
  it("apply each migration exactly once when several servers start at the same time", async () => {
    const empty = await createEmptyPostgresDatabase();
    const pools: Database[] = [];
    try {
      // A slow migration widens the window in which a second migrator would also see it as pending.
      const slow = "29990101000000_slow";
      const dir = await copyMigrations({
        [slow]: `SELECT pg_sleep(0.4);\nCREATE TABLE "slow_probe" ("id" INTEGER);\n`,
      });
      const folders = await migrationFolders(dir);
      for (let i = 0; i < 4; i++)
        pools.push(await openDatabase({ databaseUrl: empty.url, dataDir: "", poolSize: 2 }));

      const reports = await Promise.all(pools.map((db) => applyMigrations(db.sql, dir)));

      // Exactly one migrator applied everything; the others waited for the lock, then found it all done.
      const appliers = reports.filter((r) => r.applied.length > 0);
      expect(appliers).toHaveLength(1);
      expect(appliers[0].applied).toEqual(folders);
      expect(
        reports.filter((r) => r.applied.length === 0 && r.alreadyApplied === folders.length),
      ).toHaveLength(3);

      const rows = await bookkeeping(pools[0].sql);
      expect(rows.map((r) => r.migration_name)).toEqual(folders);
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await Promise.all(pools.map((db) => db.close()));
      await empty.drop();
    }
  });
});
