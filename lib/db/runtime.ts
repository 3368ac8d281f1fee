// The process's one database: opened and migrated at start (instrumentation.ts), shared by every route.
// Kept on globalThis because Next.js bundles instrumentation and routes separately: module-level state
// would give each bundle a database of its own (and two PGlite owners of one data directory).
import { syncDailyZone } from "../counters/daily-zone";
import { getConfig } from "../env";
import { AppError } from "../errors/app-error";
import { logger } from "../logger";
import { applyMigrations } from "./migrate";
import { openDatabase, type Database } from "./open";

type DatabaseState =
  | { phase: "starting" }
  | { phase: "ready"; db: Database }
  | { phase: "unavailable"; error: string; db?: Database };

interface Runtime {
  state: DatabaseState;
  starting?: Promise<Database>;
  retryTimer?: NodeJS.Timeout;
  /** Set by closeDatabase(): an attempt still running closes what it opened and stops retrying. */
  closed?: boolean;
  /** Settles when the attempt running now has finished (closeDatabase waits for it). */
  attempting?: Promise<void>;
}

const RETRY_MS = 2_000;
const holder = globalThis as typeof globalThis & { __signalboardDb?: Runtime };

function runtime(): Runtime {
  holder.__signalboardDb ??= { state: { phase: "starting" } };
  return holder.__signalboardDb;
}

/** Answered 503 `database_unavailable`; `reason` says why, for the log (never sent to the caller). */
export class DatabaseUnavailableError extends AppError {
  constructor(readonly reason: string) {
    super("database_unavailable", "The database is unavailable; retry later");
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * Opens and migrates the database. When PostgreSQL is down this does not throw: the service starts,
 * reports unhealthy, and keeps retrying in the background until the database returns.
 */
export function startDatabase(): Promise<Database> {
  const rt = runtime();
  rt.starting ??= attempt(rt);
  return rt.starting;
}

async function attempt(rt: Runtime): Promise<Database> {
  const config = getConfig();
  let db = rt.state.phase === "unavailable" ? rt.state.db : undefined;
  let finished!: () => void;
  rt.attempting = new Promise<void>((resolve) => (finished = resolve));
  try {
    db ??= await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
    });
    const report = await applyMigrations(db.sql);
    if (rt.closed) throw new DatabaseUnavailableError("the database was closed while it was starting");
    await prepareDailyCounters(db, config.DASHBOARD_TIMEZONE);
    logger.info(
      { database: db.kind, applied: report.applied, alreadyApplied: report.alreadyApplied },
      "database ready",
    );
    rt.state = { phase: "ready", db };
    return db;
  } catch (error) {
    if (rt.closed) {
      // closeDatabase() ran meanwhile (a shutdown during start-up): close what this attempt opened, or
      // PGlite stays open (unclean data directory) and nothing would stop the retries.
      await db?.close().catch(() => undefined);
      throw error instanceof DatabaseUnavailableError
        ? error
        : new DatabaseUnavailableError("the database was closed while it was starting");
    }
    const message = error instanceof Error ? error.message : String(error);
    rt.state = { phase: "unavailable", error: message, db };
    logger.error({ err: message, retryInMs: RETRY_MS }, "database unavailable; retrying");
    return new Promise<Database>((resolve) => {
      rt.retryTimer = setTimeout(() => resolve(attempt(rt)), RETRY_MS);
      rt.retryTimer.unref();
    });
  } finally {
    finished();
  }
}

/** Rebuilds the daily counters when they were built for another zone than the dashboard's (and says so). */
async function prepareDailyCounters(db: Database, timeZone: string): Promise<void> {
  const started = performance.now();
  const sync = await syncDailyZone(db.sql, timeZone);
  if (!sync.rebuilt) return;
  logger.warn(
    { from: sync.from, to: sync.zone, ms: Math.round(performance.now() - started) },
    "daily counters rebuilt for DASHBOARD_TIMEZONE (they were built for another zone)",
  );
}

/** The database when it is ready, without waiting (the hot path's first try), else undefined. */
export function readyDatabase(): Database | undefined {
  const state = runtime().state;
  return state.phase === "ready" ? state.db : undefined;
}

/** The ready database, or DatabaseUnavailableError (the caller answers 503). Waits while it starts. */
export async function getDatabase(waitMs = 5_000): Promise<Database> {
  const rt = runtime();
  if (rt.state.phase === "ready") return rt.state.db;
  const starting = startDatabase();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(describeState())), waitMs);
  });
  try {
    return await Promise.race([starting, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeState(): string {
  const state = runtime().state;
  if (state.phase === "unavailable") return `database unavailable: ${state.error}`;
  return state.phase === "starting" ? "database starting" : "database ready";
}

export function getDatabaseState(): DatabaseState {
  return runtime().state;
}

/** Makes an already open, migrated database the process's database (integration tests, benchmarks). */
export function adoptDatabase(db: Database): void {
  const rt = runtime();
  clearTimeout(rt.retryTimer);
  rt.state = { phase: "ready", db };
  rt.starting = Promise.resolve(db);
}

/** Closes the database (PGlite must be closed or the process hangs). */
export async function closeDatabase(): Promise<void> {
  const rt = runtime();
  rt.closed = true;
  clearTimeout(rt.retryTimer);
  const state = rt.state;
  const db = state.phase === "ready" ? state.db : state.phase === "unavailable" ? state.db : undefined;
  holder.__signalboardDb = undefined;
  await db?.close();
  // An attempt still opening or migrating sees `closed` and closes its own database: wait for that.
  await rt.attempting;
}
