// `npm run bench -- --support`: the support pages' server time at 100k and 1M messages on both
// databases. Each database is filled by `npm run seed`'s bulk SQL over 90 days plus support-data.ts
// (suppressions, a 50-event message), then one request at a time — as a person opening the page — the
// full HTML of /messages (no search, a phone search, a provider-id search, stuck), one message's page,
// /messages/unmatched and /suppressions is timed. Only these scenarios run.
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
import { addSupportData, type SupportTargets } from "./support-data";

export interface SupportTiming {
  label: string;
  request: string;
  latency: LatencySummary;
}

export interface SupportRun {
  db: DbKind;
  messages: number;
  seedSeconds: number;
  events: number;
  suppressions: number;
  timings: SupportTiming[];
}

export function supportRequests(t: SupportTargets): Array<{ label: string; request: string }> {
  return [
    { label: "/messages, no search", request: "/messages" },
    { label: "/messages, phone search", request: `/messages?q=${encodeURIComponent(t.phoneQuery)}` },
    { label: "/messages, provider-id search", request: `/messages?q=${t.sid}` },
    { label: "/messages, stuck", request: "/messages?stuck=true" },
    { label: "/messages/[id], 50 events", request: `/messages/${t.longMessageId}` },
    { label: "/messages/unmatched", request: "/messages/unmatched" },
    { label: "/suppressions", request: "/suppressions" },
  ];
}

/** Signs the bench's admin in, as the sign-in form does (retried while start-up creates the admin). */
async function signIn(baseUrl: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email: BENCH_SECRETS.ADMIN_EMAIL, password: BENCH_SECRETS.ADMIN_PASSWORD }),
    });
    if (res.status === 200)
      return res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
    if (attempt >= 20) throw new Error(`sign-in: ${res.status} ${(await res.text()).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function timeRequest(url: string, samples: number, cookie: string): Promise<LatencySummary> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await once());
  return summarize(latencies);
}

/** A database of our own on the local PostgreSQL (sb_support_*), dropped at the end. */
async function createSupportDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = await findAdminUrl();
  const name = `sb_support_${process.pid}_${randomBytes(3).toString("hex")}`;
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

export async function runSupport(
  root: string,
  tmp: string,
  db: DbKind,
  messages: number,
  samples: number,
): Promise<SupportRun> {
  const dataDir = path.join(tmp, `support-${db}-${messages}`);
  const pgDb = db === "postgres" ? await createSupportDatabase() : null;
  try {
    say(`${db}: seeding ${messages.toLocaleString("en-US")} messages over 90 days…`);
    const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir, poolSize: 2 });
    let seed;
    let targets: SupportTargets;
    try {
      await applyMigrations(database.sql);
      seed = await seedMessages(database, { messages, days: 90 }, (done, s) =>
        say(`  ${done.toLocaleString("en-US")} (${s.toFixed(0)} s)`),
      );
      targets = await addSupportData(database);
    } finally {
      await database.close();
    }
    say(`${db}: seeded in ${seed.seconds.toFixed(1)} s, ${targets.suppressions} suppressions`);
    const server = await startServer({
      root,
      name: `support-${db}`,
      databaseUrl: pgDb?.url,
      dataDir,
      logDir: tmp,
    });
    try {
      const timings: SupportTiming[] = [];
      const cookie = await signIn(server.url);
      for (const { label, request } of supportRequests(targets)) {
        const latency = await timeRequest(server.url + request, samples, cookie);
        timings.push({ label, request, latency });
        say(`  ${label}: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
      }
      return {
        db,
        messages,
        seedSeconds: seed.seconds,
        events: seed.events,
        suppressions: targets.suppressions,
        timings,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await pgDb?.drop();
  }
}
