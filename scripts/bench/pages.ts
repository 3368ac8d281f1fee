// The page sections of the bench (--overview, --support, or both at once): for every database and every
// size either asks for, one database is seeded (seeded-database.ts), one production server started on it
// and the admin signed in, then each section asked for at that size is timed on it, one after the other.
// Each (database, size) is cleaned up (server stopped, database dropped, data directory removed) before
// the next is seeded; one that fails is reported and the others still run. Each section's report is written into its own marked section of docs/benchmarks.md.
import { cleanupMark, runCleanup } from "./cleanup";
import { say } from "./log";
import type { BenchOptions, DbKind } from "./options";
import { timeOverview, type OverviewRun } from "./overview";
import { signInAsAdmin } from "./page-timing";
import { seedDatabase } from "./seeded-database";
import { startServer } from "./server";
import { timeSupport, type SupportRun } from "./support";

export interface PageRuns {
  overview: OverviewRun[];
  support: SupportRun[];
  /** "postgres, 1,000,000 messages: …" for each (database, size) that failed; the others still count. */
  failures: string[];
}

/** Every (database, size) to seed, in order: each database's sizes, smallest first. */
export function pageTargets(opts: Pick<BenchOptions, "dbs" | "overview" | "support">): Array<{
  db: DbKind;
  messages: number;
  overview: boolean;
  support: boolean;
}> {
  const sizes = [...new Set([...(opts.overview ?? []), ...(opts.support ?? [])])].sort((a, b) => a - b);
  return opts.dbs.flatMap((db) =>
    sizes.map((messages) => ({
      db,
      messages,
      overview: !!opts.overview?.includes(messages),
      support: !!opts.support?.includes(messages),
    })),
  );
}

export async function runPageSections(root: string, tmp: string, opts: BenchOptions): Promise<PageRuns> {
  const runs: PageRuns = { overview: [], support: [], failures: [] };
  const samples = opts.quick ? 15 : 40;
  for (const target of pageTargets(opts)) {
    const mark = cleanupMark();
    try {
      const seeded = await seedDatabase(tmp, target.db, target.messages, { support: target.support });
      const server = await startServer({
        root,
        name: `pages-${target.db}`,
        databaseUrl: seeded.databaseUrl,
        dataDir: seeded.dataDir,
        logDir: tmp,
      });
      const page = { url: server.url, cookie: await signInAsAdmin(server.url) };
      if (target.overview) {
        say(`${target.db}, ${target.messages.toLocaleString("en-US")} messages: the overview`);
        runs.overview.push(await timeOverview(seeded, page, samples));
      }
      if (target.support) {
        say(`${target.db}, ${target.messages.toLocaleString("en-US")} messages: the support pages`);
        runs.support.push(await timeSupport(seeded, page, samples));
      }
    } catch (error) {
      // A late failure (PostgreSQL at 1M, after an hour of PGlite) must not cost the figures taken before it.
      const failure = `${target.db}, ${target.messages.toLocaleString("en-US")} messages: ${error instanceof Error ? error.message : String(error)}`;
      runs.failures.push(failure);
      say(`failed: ${failure}`);
    } finally {
      await runCleanup(mark);
    }
  }
  return runs;
}
