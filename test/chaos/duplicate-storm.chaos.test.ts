// Duplicate storms: the same callback 50 times at once, split over two instances on one PostgreSQL (one
// instance on the embedded database, which allows one process per data directory). Providers redeliver
// whenever they are unsure, so copies race each other in production: exactly one may take effect — one
// message_event row — and every copy must be answered 2xx (a 5xx would make the provider send even more).
// Twilio storms mix redeliveries (same idempotency token) with the same status under new tokens.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers, type AppServer } from "./support/app-server";
import { send, type Answer, type RawRequest } from "./support/http";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { signedResendEvent, signedTwilioEvent, type SignedEvent } from "./support/signed-events";
import { withStored } from "./support/stored";
import { freshDatabase, postgresUnavailable, privatePostgres, TARGETS } from "./support/targets";

const postgres = privatePostgres(3);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

const STORMS = 20;
const COPIES = 50;

/** The storm's copies: Resend's are byte-identical; Twilio's half redeliveries, half new tokens. */
function copiesOf(storm: number): { event: SignedEvent; copies: RawRequest[] } {
  if (storm % 2 === 1) {
    const event = signedResendEvent(storm);
    return { event, copies: Array.from({ length: COPIES }, () => event.request) };
  }
  const event = signedTwilioEvent(1); // "delivered"
  const copies = Array.from({ length: COPIES }, (_, i) => {
    if (i % 2 === 0) return event.request;
    const headers = {
      ...event.request.headers,
      "i-twilio-idempotency-token": `chaos-new-token-${storm}-${i}`,
    };
    return { ...event.request, headers };
  });
  return { event, copies };
}

describe.each(TARGETS)("duplicate storms · %s", (target) => {
  const skip = target === "postgres" ? postgresUnavailable() : null;
  const instances = target === "postgres" ? 2 : 1;

  it.skipIf(skip !== null)(
    `${STORMS} storms of ${COPIES} copies on ${instances} instance(s): one effect each`,
    async () => {
      const database = await freshDatabase(target, `storm-${target}`, postgres);
      const servers: AppServer[] = await Promise.all(
        Array.from({ length: instances }, (_, i) =>
          startAppServer({ name: `storm-${target}-${i}`, port: appPort(3 + i), ...database }),
        ),
      );
      const storms: Array<{ event: SignedEvent; answers: Answer[] }> = [];
      for (let storm = 0; storm < STORMS; storm++) {
        const { event, copies } = copiesOf(storm);
        // A connection each, all at once, alternating instances: the copies race inside and across processes.
        const answers = await Promise.all(
          copies.map((request, i) => send(servers[i % instances].url, request)),
        );
        storms.push({ event, answers });
      }
      await Promise.all(servers.map((s) => s.stop()));

      const counts = await withStored(database, async (query) => {
        const ids = storms.map((s) => s.event.externalId);
        const events = await query<{ external_id: string; n: number }>(
          "SELECT external_id, count(*)::int AS n FROM message_event WHERE external_id = ANY($1) GROUP BY external_id",
          [ids],
        );
        const requests = await query<{ external_id: string; n: number }>(
          "SELECT external_id, count(*)::int AS n FROM webhook_request WHERE external_id = ANY($1) GROUP BY external_id",
          [ids],
        );
        const byId = (rows: Array<{ external_id: string; n: number }>) =>
          new Map(rows.map((r) => [r.external_id, r.n]));
        return { events: byId(events), requests: byId(requests) };
      });
      database.cleanup();

      const problems: string[] = [];
      const outcomes: Record<string, number> = {};
      storms.forEach(({ event, answers }, storm) => {
        const effective = answers.filter(
          (a) => a.json?.outcome === "accepted" || a.json?.outcome === "unmatched",
        );
        for (const a of answers) {
          const key = `${a.status ?? a.error} ${a.json?.outcome ?? ""}`.trim();
          outcomes[key] = (outcomes[key] ?? 0) + 1;
        }
        const bad = answers.filter((a) => a.status === null || a.status < 200 || a.status >= 300);
        if (bad.length)
          problems.push(
            `storm ${storm} (${event.provider}): ${bad.length} copies not 2xx, e.g. ${bad[0].status ?? bad[0].error} ${bad[0].body.slice(0, 120)}`,
          );
        if (effective.length !== 1)
          problems.push(
            `storm ${storm} (${event.provider}): ${effective.length} copies answered as taking effect`,
          );
        const rows = counts.events.get(event.externalId) ?? 0;
        if (rows !== 1) problems.push(`storm ${storm} (${event.provider}): ${rows} message_event rows`);
        const stored = counts.requests.get(event.externalId) ?? 0;
        if (stored !== COPIES)
          problems.push(
            `storm ${storm} (${event.provider}): ${stored} webhook_request rows for ${COPIES} copies`,
          );
      });
      report("duplicate storms", target, {
        storms: STORMS,
        copies: COPIES,
        instances,
        answers: outcomes,
        problems: problems.length,
      });
      expect(problems).toEqual([]);
    },
  );
});
