// One seeded database per (database, size), shared by every page section timed on it: seeding is most of
// a page bench's time (about 12 min for 1M messages on PGlite), so `--overview --support` seeds once and
// times both sections against one server. Filled by `npm run seed`'s bulk SQL over 90 days, plus the
// support pages' data (support-data.ts) when the support section runs on it. Dropped by the run's cleanup.
import { rmSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../../lib/db/migrate";
import { openDatabase } from "../../lib/db/open";
import { seedMessages } from "../seed/run";
import { onCleanup } from "./cleanup";
import { say } from "./log";
import type { DbKind } from "./options";
import { createDatabase } from "./postgres";
import { addSupportData, type SupportTargets } from "./support-data";

export interface SeededDatabase {
  db: DbKind;
  messages: number;
  /** postgresql://… ; undefined on PGlite. */
  databaseUrl?: string;
  dataDir: string;
  seedSeconds: number;
  /** The support pages' data: how long it took to add, and what to search for. */
  supportSeconds: number;
  events: number;
  statRows: number;
  rollupRows: number;
  support?: SupportTargets;
}

export async function seedDatabase(
  tmp: string,
  db: DbKind,
  messages: number,
  options: { support: boolean },
): Promise<SeededDatabase> {
  const dataDir = path.join(tmp, `pages-${db}-${messages}`);
  // Removed by the caller's runCleanup(mark) as soon as its sections are timed: a 1M-message PGlite
  // directory is gigabytes, and the next size should not have to share the disk with it.
  onCleanup(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const pgDb = db === "postgres" ? await createDatabase("pages") : null;
  say(`${db}: seeding ${messages.toLocaleString("en-US")} messages over 90 days…`);
  const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir, poolSize: 2 });
  try {
    await applyMigrations(database.sql);
    const seed = await seedMessages(database, { messages, days: 90 }, (done, s) =>
      say(`  ${done.toLocaleString("en-US")} (${s.toFixed(0)} s)`),
    );
    const started = performance.now();
    const support = options.support ? await addSupportData(database) : undefined;
    const supportSeconds = (performance.now() - started) / 1000;
    const [counts] = await database.sql.withSession((s) =>
      s.query<{ stats: number; rollups: number }>(
        "SELECT (SELECT count(*) FROM message_stat)::int AS stats, (SELECT count(*) FROM message_rollup)::int AS rollups",
      ),
    );
    say(
      `${db}: seeded in ${seed.seconds.toFixed(1)} s (${counts.stats} counter rows, ${counts.rollups} rollup rows)` +
        (support
          ? `, support data in ${supportSeconds.toFixed(1)} s (${support.suppressions} suppressions)`
          : ""),
    );
    return {
      db,
      messages,
      databaseUrl: pgDb?.url,
      dataDir,
      seedSeconds: seed.seconds,
      supportSeconds,
      events: seed.events,
      statRows: counts.stats,
      rollupRows: counts.rollups,
      support,
    };
  } finally {
    await database.close();
  }
}
