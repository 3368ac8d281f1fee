// A flood of rejected requests (bad signatures) that writes a new X-Forwarded-For on every request, as an
// attacker does to look like many sources. With TRUSTED_PROXY_HOPS at its default (0) only the socket's
// address counts: the flood must be throttled (429s) and what it leaves in the database must stay bounded,
// while correctly signed requests sent through the same flood are never throttled.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers } from "./support/app-server";
import { send, type Answer } from "./support/http";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { signedEvent, signedResendEvent } from "./support/signed-events";
import { withStored } from "./support/stored";
import { freshDatabase, postgresUnavailable, privatePostgres, TARGETS } from "./support/targets";
import http from "node:http";

const postgres = privatePostgres(4);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

const FLOOD = 2_000;
const SIGNED_EVERY = 20;
const CONCURRENCY = 16;
const BODY_PADDING = "x".repeat(4_000);
/** Rows stored in full for the flood may not grow with it: at most this share of the flood. */
const FULL_ROWS_SHARE = 0.25;
/** WEBHOOK_REJECTED_STORAGE_MB for the test: well below what the flood sends, so the budget must bite. */
const STORAGE_MB = 1;

describe.each(TARGETS)("flood with a rotating X-Forwarded-For · %s", (target) => {
  const skip = target === "postgres" ? postgresUnavailable() : null;

  it.skipIf(skip !== null)(`${FLOOD} rejected requests are throttled, storage bounded`, async () => {
    const database = await freshDatabase(target, `flood-${target}`, postgres);
    const server = await startAppServer({
      name: `flood-${target}`,
      port: appPort(4),
      ...database,
      env: { WEBHOOK_REJECTED_STORAGE_MB: String(STORAGE_MB) },
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const flood: Answer[] = [];
    const signed: Answer[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < FLOOD; i = next++) {
        const forwardedFor = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        if (i % SIGNED_EVERY === 0) {
          const event = signedEvent(i / SIGNED_EVERY);
          const request = {
            ...event.request,
            headers: { ...event.request.headers, "x-forwarded-for": forwardedFor },
          };
          signed.push(await send(server.url, request, { agent }));
          continue;
        }
        const base = signedResendEvent(i).request;
        const request = {
          ...base,
          body: (base.body as string).replace('"subject":', `"padding":"${BODY_PADDING}","subject":`),
          headers: { ...base.headers, "x-forwarded-for": forwardedFor },
        };
        flood.push(await send(server.url, request, { agent }));
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    agent.destroy();
    await server.stop();

    const stored = await withStored(database, async (query) => {
      const [row] = await query<{ full_rows: number; summary_rows: number; body_bytes: string }>(
        `SELECT count(*) FILTER (WHERE summary_count IS NULL)::int AS full_rows,
                count(*) FILTER (WHERE summary_count IS NOT NULL)::int AS summary_rows,
                coalesce(sum(length(body)), 0)::text AS body_bytes
           FROM webhook_request WHERE outcome IN ('rejected_signature', 'rate_limited')`,
      );
      return { fullRows: row.full_rows, summaryRows: row.summary_rows, bodyBytes: Number(row.body_bytes) };
    });
    database.cleanup();

    const tally = (answers: Answer[]) =>
      answers.reduce<Record<string, number>>(
        (t, a) => ((t[String(a.status ?? a.error)] = (t[String(a.status ?? a.error)] ?? 0) + 1), t),
        {},
      );
    report("rotating X-Forwarded-For flood", target, {
      flood: flood.length,
      seconds,
      floodAnswers: tally(flood),
      signedAnswers: tally(signed),
      stored,
    });

    expect
      .soft(flood.filter((a) => a.status === 429).length, "429s in the flood")
      .toBeGreaterThan(flood.length / 2);
    expect
      .soft(flood.filter((a) => a.status === null || a.status >= 500).length, "flood requests without a 4xx")
      .toBe(0);
    expect
      .soft(
        signed.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.slice(0, 120)}`),
        "signed requests in the flood",
      )
      .toEqual([]);
    expect
      .soft(stored.fullRows, `rows stored in full for ${flood.length} rejected requests`)
      .toBeLessThanOrEqual(flood.length * FULL_ROWS_SHARE);
    expect
      .soft(stored.bodyBytes, `body bytes stored in full (WEBHOOK_REJECTED_STORAGE_MB=${STORAGE_MB})`)
      .toBeLessThanOrEqual(STORAGE_MB * 1024 * 1024 + 64 * 1024);
  });
});
