// `npm run bench -- --overview`: the overview's server time at 100k and 1M messages on both databases.
// Each database is filled by `npm run seed`'s bulk SQL (scripts/seed/run.ts) over 90 days, then one
// request at a time — as a person opening the page — the HTML of `/` (7 d and 90 d, with and without a
// campaign filter) and GET /api/metrics/summary for the same views are timed. Only these scenarios run.
import path from "node:path";
import { applyMigrations } from "../../lib/db/migrate";
import { openDatabase } from "../../lib/db/open";
import { seedMessages } from "../seed/run";
import { say } from "./log";
import type { DbKind } from "./options";
import { signInAsAdmin, timeRequest } from "./page-timing";
import { createDatabase } from "./postgres";
import { startServer } from "./server";
import type { LatencySummary } from "./stats";

export interface OverviewTiming {
  request: string;
  latency: LatencySummary;
}

export interface OverviewRun {
  db: DbKind;
  messages: number;
  seedSeconds: number;
  events: number;
  statRows: number;
  rollupRows: number;
  timings: OverviewTiming[];
}

/** The views timed: the page and its API twin, busiest campaign of the seed. */
export const OVERVIEW_REQUESTS = [
  "/?range=7d",
  "/?range=90d",
  "/?range=7d&campaign=weekly-digest",
  "/?range=90d&campaign=weekly-digest",
  "/api/metrics/summary?range=7d",
  "/api/metrics/summary?range=90d",
  "/api/metrics/summary?range=90d&campaign=weekly-digest",
];

export async function runOverview(
  root: string,
  tmp: string,
  db: DbKind,
  messages: number,
  samples: number,
): Promise<OverviewRun> {
  const dataDir = path.join(tmp, `overview-${db}-${messages}`);
  const pgDb = db === "postgres" ? await createDatabase("overview") : null;
  try {
    say(`${db}: seeding ${messages.toLocaleString("en-US")} messages over 90 days…`);
    const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir, poolSize: 2 });
    let seed;
    let statRows = 0;
    let rollupRows = 0;
    try {
      await applyMigrations(database.sql);
      seed = await seedMessages(database, { messages, days: 90 }, (done, s) =>
        say(`  ${done.toLocaleString("en-US")} (${s.toFixed(0)} s)`),
      );
      const counts = await database.sql.withSession((s) =>
        s.query<{ stats: number; rollups: number }>(
          "SELECT (SELECT count(*) FROM message_stat)::int AS stats, (SELECT count(*) FROM message_rollup)::int AS rollups",
        ),
      );
      statRows = counts[0].stats;
      rollupRows = counts[0].rollups;
    } finally {
      await database.close();
    }
    say(
      `${db}: seeded in ${seed.seconds.toFixed(1)} s (${statRows} counter rows, ${rollupRows} rollup rows)`,
    );
    const server = await startServer({
      root,
      name: `overview-${db}`,
      databaseUrl: pgDb?.url,
      dataDir,
      logDir: tmp,
    });
    try {
      const timings: OverviewTiming[] = [];
      const cookie = await signInAsAdmin(server.url);
      for (const request of OVERVIEW_REQUESTS) {
        const latency = await timeRequest(server.url + request, samples, cookie);
        timings.push({ request, latency });
        say(`  ${request}: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
      }
      return {
        db,
        messages,
        seedSeconds: seed.seconds,
        events: seed.events,
        statRows,
        rollupRows,
        timings,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await pgDb?.drop();
  }
}
