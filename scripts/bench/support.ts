// `npm run bench -- --support`: the support pages' server time at 100k and 1M messages on both
// databases. Each database is filled by `npm run seed`'s bulk SQL over 90 days plus support-data.ts
// (suppressions, a 50-event message), then one request at a time — as a person opening the page — the
// full HTML of /messages (no search, a phone search, a provider-id search, stuck), one message's page,
// /messages/unmatched and /suppressions is timed. Only these scenarios run.
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

export async function runSupport(
  root: string,
  tmp: string,
  db: DbKind,
  messages: number,
  samples: number,
): Promise<SupportRun> {
  const dataDir = path.join(tmp, `support-${db}-${messages}`);
  const pgDb = db === "postgres" ? await createDatabase("support") : null;
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
      const cookie = await signInAsAdmin(server.url);
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
