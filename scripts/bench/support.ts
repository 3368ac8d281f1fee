// `npm run bench -- --support`: the support pages' server time at 100k and 1M messages on both
// databases. Each database is filled by `npm run seed`'s bulk SQL over 90 days plus support-data.ts
// (suppressions, a 50-event message) (seeded-database.ts), then one request at a time — as a person
// opening the page — the full HTML of /messages (no search, a phone search, a provider-id search,
// stuck), one message's page, /messages/unmatched and /suppressions is timed.
import { say } from "./log";
import type { DbKind } from "./options";
import { timeRequest, type SignedInServer } from "./page-timing";
import type { SeededDatabase } from "./seeded-database";
import type { LatencySummary } from "./stats";
import type { SupportTargets } from "./support-data";

export interface SupportTiming {
  label: string;
  request: string;
  latency: LatencySummary;
}

export interface SupportRun {
  db: DbKind;
  messages: number;
  seedSeconds: number;
  /** Adding the suppressions and the 50-event message after the seed. */
  supportSeconds: number;
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

/** Times the support pages on a server over `seeded`, which must hold the support data. */
export async function timeSupport(
  seeded: SeededDatabase,
  page: SignedInServer,
  samples: number,
): Promise<SupportRun> {
  if (!seeded.support) throw new Error("the support pages' data was not added to this database");
  const timings: SupportTiming[] = [];
  for (const { label, request } of supportRequests(seeded.support)) {
    const latency = await timeRequest(page.url + request, samples, page.cookie);
    timings.push({ label, request, latency });
    say(`  ${label}: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
  }
  return {
    db: seeded.db,
    messages: seeded.messages,
    seedSeconds: seeded.seedSeconds,
    supportSeconds: seeded.supportSeconds,
    events: seeded.events,
    suppressions: seeded.support.suppressions,
    timings,
  };
}
