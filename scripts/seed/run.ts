// Runs the seed statements chunk by chunk and refreshes the planner's statistics at the end.
import { randomBytes } from "node:crypto";
import type { Database } from "../../lib/db/open";
import { dropSecondaryIndexes, restoreIndexes } from "./indexes";
import { refillDailyCounters } from "./daily";
import type { SeedOptions } from "./options";
import {
  CREATE_CHUNK,
  DROP_CHUNK,
  INSERT_COUNTERS,
  INSERT_EVENTS,
  INSERT_EXTERNAL_IDS,
  INSERT_MESSAGES,
  INSERT_ROLLUPS,
} from "./statements";

export const CHUNK = 100_000;

export interface SeedReport {
  messages: number;
  events: number;
  seconds: number;
}

export async function seedMessages(
  db: Database,
  options: Pick<SeedOptions, "messages" | "days">,
  progress: (done: number, seconds: number) => void = () => undefined,
  now = new Date(),
): Promise<SeedReport> {
  const started = performance.now();
  const run = randomBytes(4).toString("hex");
  let events = 0;
  // Only worth it for a large load: rebuilding the indexes of a big table costs more than a small insert.
  const bulk = options.messages >= 50_000;
  const dropped = bulk ? await db.sql.withSession(dropSecondaryIndexes) : [];
  try {
    events = await loadChunks(db, options, run, now, started, progress);
  } finally {
    // Also after a failure: the database is never left without its indexes.
    if (dropped.length) await db.sql.withSession((s) => restoreIndexes(s, dropped));
  }
  await db.sql.withSession((s) =>
    s.exec(
      "ANALYZE message; ANALYZE message_external_id; ANALYZE message_event; ANALYZE message_stat; ANALYZE message_rollup;",
    ),
  );
  await refillDailyCounters(db);
  return { messages: options.messages, events, seconds: (performance.now() - started) / 1000 };
}

async function loadChunks(
  db: Database,
  options: Pick<SeedOptions, "messages" | "days">,
  run: string,
  now: Date,
  started: number,
  progress: (done: number, seconds: number) => void,
): Promise<number> {
  let events = 0;
  const skipReferenceChecks = await mayDisableTriggers(db);
  for (let first = 1; first <= options.messages; first += CHUNK) {
    const last = Math.min(options.messages, first + CHUNK - 1);
    events += await db.sql.transaction(async (s) => {
      // Every row of a chunk references a message inserted just before it in the same transaction, so
      // the foreign-key checks (one lookup per provider id and per event) cannot fail; skipping them
      // loads a chunk about 40% faster on PGlite. Only this transaction: SET LOCAL.
      if (skipReferenceChecks) await s.exec("SET LOCAL session_replication_role = replica");
      await s.exec(DROP_CHUNK);
      await s.query(CREATE_CHUNK, [first, last, now.toISOString(), options.days]);
      await s.query(INSERT_MESSAGES, [`${run}:${first}`]);
      await s.query(INSERT_EXTERNAL_IDS);
      const inserted = await s.query<{ n: number }>(
        `WITH e AS (${INSERT_EVENTS} RETURNING 1) SELECT count(*)::int AS n FROM e`,
      );
      await s.query(INSERT_COUNTERS);
      await s.query(INSERT_ROLLUPS);
      await s.exec(DROP_CHUNK);
      return inserted[0].n;
    });
    progress(last, (performance.now() - started) / 1000);
  }
  return events;
}

/**
 * Whether this connection may switch off triggers (and with them the foreign-key checks) for its own
 * transactions: a superuser may — PGlite's user always is; a PostgreSQL seed run as an ordinary owner
 * keeps the checks.
 */
async function mayDisableTriggers(db: Database): Promise<boolean> {
  const [row] = await db.sql.withSession((s) =>
    s.query<{ superuser: boolean }>(
      "SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user",
    ),
  );
  return row?.superuser === true;
}
