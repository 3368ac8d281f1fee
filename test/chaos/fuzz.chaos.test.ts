// Fuzzed requests against the production server, on each database: hostile mutations of real payloads,
// correctly signed (so they reach parsing and storage) and not, raw and non-UTF-8 bodies, bodies over the cap,
// wrong content types, odd methods. Not one may get a 5xx (a 5xx on a signed request is retried by the
// provider for a day), the server must keep serving, and its memory must stay bounded.
// The draws are seeded: CHAOS_SEED=<n> repeats a run; the seed is printed with every result.
import http from "node:http";
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers } from "./support/app-server";
import { fuzzCase, type FuzzCase } from "./support/fuzz-cases";
import { findingCases } from "./support/fuzz-findings";
import { send, waitForHealthy, type Answer } from "./support/http";
import { sampleMemory } from "./support/memory";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { signedEvent } from "./support/signed-events";
import { freshDatabase, postgresUnavailable, privatePostgres, TARGETS } from "./support/targets";

const postgres = privatePostgres(2);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

/** Per database: 10,000 in all. */
const REQUESTS = Number(process.env.CHAOS_FUZZ_REQUESTS || 5_000);
const SEED = Number(process.env.CHAOS_SEED || Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 16;
/** The time bound per database; a run that cannot send them all within it fails, saying how many it sent. */
const MAX_MS = 200_000;
/** Drawn in chunks as the workers need them, so every Svix timestamp is fresh when it is sent. */
const CHUNK = 250;
/**
 * The server's resident memory may not exceed PEAK_MB, nor grow by more than GROWTH_MB from what it was after
 * the first WARM_UP requests (routes loaded, caches filled) to its peak.
 */
const PEAK_MB = 1_024;
const GROWTH_MB = 300;
const WARM_UP = 500;
const PAYLOAD_FIXES_PENDING = false;

interface Result {
  fuzz: FuzzCase;
  answer: Answer;
}

/** The i-th request of the run: the findings' cases first (three times each), then fast-check's draws. */
function casesFor(seed: number): (i: number) => FuzzCase {
  const findings = [...findingCases(), ...findingCases(), ...findingCases()];
  const chunks = new Map<number, FuzzCase[]>();
  return (i) => {
    if (i < findings.length) return findingCases()[i % (findings.length / 3)];
    const k = Math.floor((i - findings.length) / CHUNK);
    let chunk = chunks.get(k);
    if (!chunk) {
      chunks.clear();
      chunk = fc.sample(fuzzCase, { seed: seed + k, numRuns: CHUNK });
      chunks.set(k, chunk);
    }
    return chunk[(i - findings.length) % CHUNK];
  };
}

function describeCase({ fuzz, answer }: Result): string {
  const body =
    typeof fuzz.request.body === "string"
      ? JSON.stringify(fuzz.request.body.slice(0, 160))
      : fuzz.request.body
        ? `<${fuzz.request.body.length} bytes>`
        : "";
  return `[${fuzz.label}] ${fuzz.request.method} ${fuzz.request.path} ${body} → ${answer.status ?? answer.error} ${answer.body.slice(0, 160)}`;
}

describe.each(TARGETS)("fuzzed requests · %s", (target) => {
  const skip = target === "postgres" ? postgresUnavailable() : null;

  // Skipped until the payload fixes land: NUL, lone surrogates, deep nesting, a newline in To, year 0 and TRACE give 500.
  it.skipIf(PAYLOAD_FIXES_PENDING || skip !== null)(
    `${REQUESTS} hostile requests: no 5xx, still serving, memory bounded`,
    async () => {
      const database = await freshDatabase(target, `fuzz-${target}`, postgres);
      const server = await startAppServer({ name: `fuzz-${target}`, port: appPort(2), ...database });
      const nth = casesFor(SEED);
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const memory = sampleMemory(server);
      const results: Result[] = [];
      const started = Date.now();
      let next = 0;
      let keepAliveRaces = 0;
      const worker = async () => {
        for (let i = next++; i < REQUESTS && Date.now() - started < MAX_MS; i = next++) {
          const fuzz = nth(i);
          // A body over the cap, or one the server refuses unread, may end its connection: not a shared one
          // (slow-bodies.chaos.test.ts checks what happens to the next request on such a connection).
          const own = fuzz.mayCut || fuzz.ownConnection;
          let answer = await send(server.url, fuzz.request, { agent: own ? undefined : agent });
          if (answer.status === null && answer.reused) {
            // The server closed an idle kept-alive connection just as this request went out on it: the race
            // every HTTP client meets, and retries on a new connection. Counted; a second failure counts.
            keepAliveRaces++;
            answer = await send(server.url, fuzz.request);
          }
          results.push({ fuzz, answer });
          if (results.length === WARM_UP) memory.markBaseline();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      agent.destroy();
      const seconds = (Date.now() - started) / 1000;
      const mem = memory.stop();
      const healthyAfterMs = await waitForHealthy(server.url, 10_000).catch((e: Error) => e.message);
      const after = await send(server.url, signedEvent(0).request);
      await server.stop();
      database.cleanup();

      const fiveXx = results.filter((r) => r.answer.status !== null && r.answer.status >= 500);
      const unanswered = results.filter((r) => r.answer.status === null && !r.fuzz.mayCut);
      const byLabel: Record<string, Record<string, number>> = {};
      for (const { fuzz, answer } of results) {
        const row = (byLabel[fuzz.label] ??= {});
        const key = String(answer.status ?? answer.error);
        row[key] = (row[key] ?? 0) + 1;
      }
      report("fuzz", target, {
        seed: SEED,
        requests: results.length,
        seconds,
        fiveXx: fiveXx.length,
        unanswered: unanswered.length,
        keepAliveRaces,
        memoryMb: mem,
        healthyAfterMs,
        afterStatus: after.status,
      });
      report("fuzz statuses", target, byLabel);
      const seedNote = `(CHAOS_SEED=${SEED} repeats this run)`;
      expect.soft(results.length, `requests sent within ${MAX_MS / 1000} s`).toBe(REQUESTS);
      expect
        .soft(fiveXx.slice(0, 15).map(describeCase), `${fiveXx.length} answers were 5xx ${seedNote}`)
        .toEqual([]);
      expect
        .soft(
          unanswered.slice(0, 10).map(describeCase),
          `${unanswered.length} requests got no answer ${seedNote}`,
        )
        .toEqual([]);
      expect.soft(typeof healthyAfterMs, `health check after the run: ${healthyAfterMs}`).toBe("number");
      expect.soft(after.status, `a signed event after the run: ${after.body.slice(0, 200)}`).toBe(200);
      expect.soft(mem.peakMb, `peak RSS ${mem.peakMb} MB`).toBeLessThanOrEqual(PEAK_MB);
      expect
        .soft(
          mem.peakMb - mem.baselineMb,
          `RSS grew from ${mem.baselineMb} MB after ${WARM_UP} requests to ${mem.peakMb} MB`,
        )
        .toBeLessThanOrEqual(GROWTH_MB);
    },
    300_000,
  );
});
