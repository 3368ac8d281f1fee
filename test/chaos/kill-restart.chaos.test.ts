// kill -9 under load, twice, restarting on the same database each time: every request the server answered
// with a 2xx must be found afterwards — as the load generator's own ledger recorded it (requestId), not as
// the server's logs say. Requests cut off by the kill got no answer and promised nothing.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers, type AppServer } from "./support/app-server";
import { waitForHealthy } from "./support/http";
import {
  ackedRequestId,
  isAck,
  startLoad,
  tally,
  waitForAcks,
  type LedgerEntry,
  stopAllLoads,
} from "./support/load";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { checkAcknowledged, withStored } from "./support/stored";
import { freshDatabase, postgresUnavailable, privatePostgres, TARGETS } from "./support/targets";

const postgres = privatePostgres(0);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllLoads();
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

const ROUNDS = 2;
const ACKS_BEFORE_KILL = 150;

describe.each(TARGETS)("kill -9 under load and restart · %s", (target) => {
  const skip = target === "postgres" ? postgresUnavailable() : null;

  it.skipIf(skip !== null)("every acknowledged event is stored after each crash", async () => {
    const database = await freshDatabase(target, `kill-${target}`, postgres);
    const port = appPort(0);
    const start = (round: number) => startAppServer({ name: `kill-${target}-${round}`, port, ...database });
    const ledger: LedgerEntry[] = [];
    const t0 = Date.now();
    let server: AppServer = await start(0);
    const firstStartMs = Date.now() - t0;
    const restartMs: number[] = [];
    const loadMs: number[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const load = startLoad({ baseUrl: server.url, concurrency: 16, maxRequests: 5_000, maxMs: 90_000 });
      const loadStarted = Date.now();
      await waitForAcks(load, ACKS_BEFORE_KILL, 90_000);
      loadMs.push(Date.now() - loadStarted);
      server.signal("SIGKILL");
      const exit = await server.waitForExit(10_000);
      expect(exit?.signal, `${server.name} did not die of SIGKILL`).toBe("SIGKILL");
      load.stop();
      ledger.push(...(await load.done));
      const restarted = Date.now();
      server = await start(round);
      restartMs.push(Date.now() - restarted);
    }
    // A last short load on the restarted server, then a clean stop (the embedded database is then readable).
    const last = startLoad({ baseUrl: server.url, concurrency: 8, maxRequests: 100, maxMs: 15_000 });
    ledger.push(...(await last.done));
    await waitForHealthy(server.url, 5_000);
    await server.stop();

    const acks = ledger.filter(isAck).map((entry) => ({
      requestId: ackedRequestId(entry) ?? `(no requestId in ${entry.answer.body.slice(0, 80)})`,
      outcome: String(entry.answer.json?.outcome),
    }));
    const check = await withStored(database, (query) => checkAcknowledged(query, acks));
    report("kill -9 ×" + ROUNDS, target, {
      requests: ledger.length,
      acknowledged: acks.length,
      answers: tally(ledger),
      firstStartMs,
      loadMs,
      restartMs,
      missingRequests: check.missingRequests.length,
      missingEvents: check.missingEvents.length,
    });
    database.cleanup();
    expect.soft(acks.length).toBeGreaterThanOrEqual(ROUNDS * ACKS_BEFORE_KILL);
    expect.soft(check.missingRequests, "acknowledged requests with no webhook_request row").toEqual([]);
    expect.soft(check.missingEvents, "acknowledged events with no message_event row").toEqual([]);
    // Nothing but 2xx, or no answer at all (cut off by the kill, or sent while nothing listened).
    const otherStatuses = ledger.filter((e) => e.answer.status !== null && !isAck(e));
    expect.soft(otherStatuses.map((e) => `${e.answer.status} ${e.answer.body.slice(0, 120)}`)).toEqual([]);
  });
});
