// Opens the database Signalboard runs on: embedded PGlite in DATA_DIR when DATABASE_URL is unset (the
// zero-setup default), else the PostgreSQL server it names. Same schema, same migrations, same SQL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { lockDataDir } from "./data-dir-lock";
import { pgDriver, pgliteDriver, type SqlDriver } from "./sql-driver";

export interface DatabaseTarget {
  /** postgresql://… ; undefined means embedded PGlite. */
  databaseUrl?: string;
  /** Data directory for PGlite; "memory://" keeps it in memory (tests). */
  dataDir: string;
  poolSize: number;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlDriver;
  /** The pg pool, for LISTEN/NOTIFY and diagnostics; undefined on PGlite. */
  pool?: pg.Pool;
  /** Closes Prisma and the underlying driver. PGlite must be closed or the process hangs. */
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.databaseUrl ? openPostgres(target.databaseUrl, target.poolSize) : openPGlite(target.dataDir);
}

async function openPGlite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const resolved = inMemory ? dataDir : path.resolve(dataDir, "pglite");
  if (!inMemory) mkdirSync(resolved, { recursive: true });
  const release = inMemory ? () => undefined : await lockDataDir(path.dirname(resolved));
  let pglite: PGlite;
  try {
    // Not durable against power loss: PGlite starts PostgreSQL with fsync off (-F), and the Node file
    // layer it writes through has no fsync to honour one. A commit is in the OS page cache when it
    // returns, which a process crash does not lose (README: "What the embedded database guarantees").
    pglite = await PGlite.create({ dataDir: resolved });
  } catch (error) {
    release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  return {
    kind: "pglite",
    prisma,
    sql: pgliteDriver(pglite),
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Fail fast while the server is down, so webhooks get 503 (and the provider retries) instead of hanging.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server emits 'error' on the pool; without a listener that crashes the process.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { onPoolError: () => undefined }) });
  let closed = false;
  return {
    kind: "postgres",
    prisma,
    sql: pgDriver(pool),
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
