// SIGTERM under load: the server stops taking new work (503, or a closed listener that refuses the
// connection), answers every request it already took, commits every 2xx, and exits well within its
// shutdown deadline (10 s). A request on an accepted connection that ends in a reset was taken and dropped.
// Every request gets a connection of its own, so "connected" means the server took the connection.
// Two kinds of traffic: a sender that stops on the first "shutting down" answer, as a load balancer stops
// routing to an instance that says so, and traffic that never pauses.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers } from "./support/app-server";
import type { Answer } from "./support/http";
import { ackedRequestId, isAck, startLoad, tally, waitForAcks, stopAllLoads } from "./support/load";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { checkAcknowledged, withStored } from "./support/stored";
import {
  freshDatabase,
  postgresUnavailable,
  privatePostgres,
  TARGETS,
  type TargetName,
} from "./support/targets";

const postgres = privatePostgres(1);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllLoads();
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

/** "Well within" the 10 s shutdown deadline. */
const EXIT_WITHIN_MS = 5_000;
const CONCURRENCY = 32;
const shuttingDown = (answer: Answer) =>
  answer.status === 503 && (answer.json?.error as { code?: string } | undefined)?.code === "shutting_down";

async function sigtermUnderLoad(target: TargetName, traffic: "stops on 503" | "never pauses") {
  const database = await freshDatabase(target, `sigterm-${target}`, postgres);
  const server = await startAppServer({ name: `sigterm-${target}`, port: appPort(1), ...database });
  const load = startLoad({
    baseUrl: server.url,
    concurrency: CONCURRENCY,
    maxRequests: 20_000,
    maxMs: 120_000,
    keepAlive: false,
    stopWhen: traffic === "stops on 503" ? shuttingDown : undefined,
  });
  await waitForAcks(load, 150, 90_000);
  const takenBefore = load.entries().length;
  const signalled = Date.now();
  server.signal("SIGTERM");
  const exit = await server.waitForExit(15_000);
  const exitMs = Date.now() - signalled;
  // Traffic that never pauses keeps coming briefly after the exit: it finds nothing listening, which is fine.
  await new Promise((r) => setTimeout(r, 300));
  load.stop();
  const ledger = await load.done;
  if (!exit) await server.stop();

  const acks = ledger.filter(isAck).map((entry) => ({
    requestId: ackedRequestId(entry) ?? "(no requestId)",
    outcome: String(entry.answer.json?.outcome),
  }));
  const check = await withStored(database, (query) => checkAcknowledged(query, acks));
  const dropped = ledger.filter((e) => e.answer.status === null && e.answer.connected);
  const wrong = ledger.filter((e) => e.answer.status !== null && !isAck(e) && e.answer.status !== 503);
  report(`SIGTERM, traffic ${traffic}`, target, {
    requests: ledger.length,
    beforeSignal: takenBefore,
    afterSignal: tally(ledger.slice(takenBefore)),
    exitMs,
    exit,
    dropped: dropped.length,
    missingRequests: check.missingRequests.length,
  });
  database.cleanup();

  expect.soft(exit, `no exit within 15 s of SIGTERM:\n${server.tail(15)}`).not.toBeNull();
  expect.soft(exitMs, `exit took ${exitMs} ms:\n${server.tail(15)}`).toBeLessThan(EXIT_WITHIN_MS);
  expect.soft(exit?.code, "exit code after SIGTERM").toBe(0);
  if (traffic === "stops on 503")
    expect
      .soft(
        dropped.slice(0, 10).map((e) => `${e.answer.error} after ${Math.round(e.answer.ms)} ms`),
        `requests taken and never answered (${dropped.length})`,
      )
      .toEqual([]);
  else
    expect
      .soft(dropped.length, "connections reset: more than were queued at the close")
      .toBeLessThanOrEqual(CONCURRENCY);
  expect.soft(wrong.map((e) => `${e.answer.status} ${e.answer.body.slice(0, 160)}`)).toEqual([]);
  expect.soft(check.missingRequests, "acknowledged requests with no webhook_request row").toEqual([]);
  expect.soft(check.missingEvents, "acknowledged events with no message_event row").toEqual([]);
}

describe.each(TARGETS)("SIGTERM under load · %s", (target) => {
  const skip = target === "postgres" ? postgresUnavailable() : null;

  it.skipIf(skip !== null)(
    "traffic that stops on 503: every request answered, every 2xx stored, exit in time",
    () => sigtermUnderLoad(target, "stops on 503"),
  );

  // Traffic that never pauses leaves connections queued in the kernel when the listener closes: those were
  // never taken and are reset, at most one per sender; what matters is the exit in time and nothing lost.
  it.skipIf(skip !== null)(
    "traffic that never pauses: exit in time, every 2xx stored, resets only at the close",
    () => sigtermUnderLoad(target, "never pauses"),
  );
});
