// PostgreSQL stopped, crash-restarted (immediate shutdown, so the next start runs crash recovery) and frozen
// (SIGSTOP: connections open, nothing answers) while signed traffic keeps coming — on a private server this
// test starts itself. Every answer must be a 2xx or a 503 (the provider retries a 503; a 500 or a dropped
// connection is a bug), every 2xx must be stored, and the server must recover by itself after each outage.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers } from "./support/app-server";
import {
  ackedRequestId,
  isAck,
  startLoad,
  tally,
  waitForAcks,
  type Load,
  stopAllLoads,
} from "./support/load";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { checkAcknowledged, withStored } from "./support/stored";
import { freshDatabase, postgresUnavailable, privatePostgres } from "./support/targets";

const postgres = privatePostgres(5);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllLoads();
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

/** How long each outage lasts; longer than the server's write timeout, so requests meet it. */
const OUTAGE_MS = 4_000;
/** Recovered = this many new acknowledgements after the database is back, with nothing restarted. */
const ACKS_TO_RECOVER = 40;

async function recovered(load: Load, ms = 30_000): Promise<number> {
  const started = Date.now();
  await waitForAcks(load, load.acknowledged() + ACKS_TO_RECOVER, ms);
  return Date.now() - started;
}

describe("PostgreSQL stopped, crash-restarted and frozen under load", () => {
  const skip = postgresUnavailable();

  it.skipIf(skip !== null)("answers only 2xx or 503, stores every 2xx, recovers by itself", async () => {
    const database = await freshDatabase("postgres", "outage", postgres);
    const pg = await postgres.server();
    const server = await startAppServer({
      name: "outage-postgres",
      port: appPort(5),
      ...database,
      env: { WEBHOOK_TIMEOUT: "2" },
    });
    const load = startLoad({ baseUrl: server.url, concurrency: 12, maxRequests: 50_000, maxMs: 150_000 });
    const marks: Array<{ phase: string; from: number }> = [];
    const mark = (phase: string) => marks.push({ phase, from: load.entries().length });
    const recoveryMs: Record<string, number> = {};
    const hold = () => new Promise((r) => setTimeout(r, OUTAGE_MS));
    try {
      mark("warm-up");
      await waitForAcks(load, 100, 90_000);

      mark("stopped");
      await pg.stop();
      await hold();
      await pg.start();
      recoveryMs.stopped = await recovered(load);

      mark("crash-restarted");
      await pg.crash();
      await pg.start(); // crash recovery: "the database system is starting up" (57P03) meanwhile
      recoveryMs.crashRestarted = await recovered(load);

      mark("frozen");
      pg.freeze();
      await hold();
      pg.thaw();
      recoveryMs.frozen = await recovered(load);
      mark("end");
    } finally {
      pg.thaw();
      load.stop();
    }
    const ledger = await load.done;
    await server.stop();

    const acks = ledger.filter(isAck).map((entry) => ({
      requestId: ackedRequestId(entry) ?? "(no requestId)",
      outcome: String(entry.answer.json?.outcome),
    }));
    const check = await withStored(database, (query) => checkAcknowledged(query, acks));
    const phases = Object.fromEntries(
      marks.slice(0, -1).map((m, i) => [m.phase, tally(ledger.slice(m.from, marks[i + 1].from))]),
    );
    report("PostgreSQL outages", "postgres", {
      requests: ledger.length,
      acknowledged: acks.length,
      phases,
      recoveryMs,
      missingRequests: check.missingRequests.length,
      missingEvents: check.missingEvents.length,
    });
    database.cleanup();

    const wrong = ledger.filter((e) => !isAck(e) && e.answer.status !== 503);
    expect
      .soft(
        wrong.slice(0, 20).map((e) => `${e.answer.status ?? e.answer.error} ${e.answer.body.slice(0, 160)}`),
        `answers other than 2xx/503 (${wrong.length}): ${JSON.stringify(tally(wrong))}\n${server.tail(15)}`,
      )
      .toEqual([]);
    expect.soft(check.missingRequests, "acknowledged requests with no webhook_request row").toEqual([]);
    expect.soft(check.missingEvents, "acknowledged events with no message_event row").toEqual([]);
    expect
      .soft(
        ledger.some((e) => e.answer.status === 503),
        "no outage was seen: the test did not bite",
      )
      .toBe(true);
  });
});
