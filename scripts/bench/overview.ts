// `npm run bench -- --overview`: the overview's server time at 100k and 1M messages on both databases.
// Each database is filled by `npm run seed`'s bulk SQL (scripts/seed/run.ts) over 90 days (seeded-database.ts),
// then one request at a time — as a person opening the page — the HTML of `/` (7 d and 90 d, with and
// without a campaign filter) and GET /api/metrics/summary for the same views are timed.
import { say } from "./log";
import type { DbKind } from "./options";
import { timeRequest, type SignedInServer } from "./page-timing";
import type { SeededDatabase } from "./seeded-database";
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

/** Times the overview on a server over `seeded` (scripts/bench/pages.ts starts it and signs in). */
export async function timeOverview(
  seeded: SeededDatabase,
  page: SignedInServer,
  samples: number,
): Promise<OverviewRun> {
  const timings: OverviewTiming[] = [];
  for (const request of OVERVIEW_REQUESTS) {
    const latency = await timeRequest(page.url + request, samples, page.cookie);
    timings.push({ request, latency });
    say(`  ${request}: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
  }
  return {
    db: seeded.db,
    messages: seeded.messages,
    seedSeconds: seeded.seedSeconds,
    events: seeded.events,
    statRows: seeded.statRows,
    rollupRows: seeded.rollupRows,
    timings,
  };
}
