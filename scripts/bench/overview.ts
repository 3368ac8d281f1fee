// `npm run bench -- --overview`: the overview's server time at 100k and 1M messages on both databases.
// Each database is filled by `npm run seed`'s bulk SQL (scripts/seed/run.ts) over 90 days, then one
// request at a time — as a person opening the page — the HTML of `/` (7 d and 90 d, with and without a
// campaign filter) and GET /api/metrics/summary for the same views are timed. Only these scenarios run.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../lib/db/migrate";
import { openDatabase } from "../../lib/db/open";
import { seedMessages } from "../seed/run";
import { onCleanup } from "./cleanup";
import { BENCH_SECRETS } from "./env";
import { say } from "./log";
import type { DbKind } from "./options";
import { findAdminUrl } from "./postgres";
import { startServer } from "./server";
import { summarize, type LatencySummary } from "./stats";

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

/**
 * Signs the bench's admin in (better-auth's endpoint, as the sign-in form does); returns the cookie. The
 * server creates ADMIN_EMAIL's user just after it reports healthy, so a refusal is retried for a while.
 */
async function signIn(baseUrl: string): Promise<string> {
  let res: Response | undefined;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email: BENCH_SECRETS.ADMIN_EMAIL, password: BENCH_SECRETS.ADMIN_PASSWORD }),
    });
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  if (!res || res.status !== 200)
    throw new Error(`sign-in: ${res?.status} ${(await res?.text())?.slice(0, 200)}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function timeRequest(url: string, samples: number, cookie: string): Promise<LatencySummary> {
  const once = async () => {
    const started = performance.now();
    // The page with the session cookie, the API with the key: as a browser and a script call them.
    const headers: Record<string, string> = url.includes("/api/")
      ? { authorization: `Bearer ${BENCH_SECRETS.API_KEY}` }
      : { cookie };
    const res = await fetch(url, { headers, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await once());
  return summarize(latencies);
}

/** A database of our own on the local PostgreSQL (sb_overview_*), dropped at the end. */
async function createOverviewDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = await findAdminUrl();
  const name = `sb_overview_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = onCleanup(`drop database ${name}`, () =>
    admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
  return { url: url.toString(), drop };
}

export async function runOverview(
  root: string,
  tmp: string,
  db: DbKind,
  messages: number,
  samples: number,
): Promise<OverviewRun> {
  const dataDir = path.join(tmp, `overview-${db}-${messages}`);
  const pgDb = db === "postgres" ? await createOverviewDatabase() : null;
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
      const cookie = await signIn(server.url);
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
