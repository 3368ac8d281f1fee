// Clients that never finish their body: some stall (a slow-loris), some go away mid-body. A stalled body is
// answered 408 after WEBHOOK_BODY_TIMEOUT and its connection closed, instead of being held for minutes; an
// abandoned one leaves a row with the aborted outcome. Signed traffic meanwhile is served as usual.
import http from "node:http";
import net from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer, stopAllAppServers } from "./support/app-server";
import { send } from "./support/http";
import { appPort } from "./support/ports";
import { report } from "./support/report";
import { signedEvent, signedResendEvent } from "./support/signed-events";
import { withStored } from "./support/stored";
import { freshDatabase, postgresUnavailable, privatePostgres, TARGETS } from "./support/targets";

const postgres = privatePostgres(6);
// A scenario that fails midway leaves nothing running into the next one.
afterEach(async () => {
  await stopAllAppServers();
});
afterAll(async () => {
  await stopAllAppServers();
  await postgres.destroy();
});

const BODY_TIMEOUT_S = 2;
// An answer sent before the body was read (405 to a PUT) closes the connection: it must say so, or the
// client's next request on it is reset.
const UNREAD_BODY_KEEP_ALIVE_PENDING = false;
const STALLED = 15;
const ABANDONED = 15;

interface Partial {
  /** The status line the server wrote, if any. */
  status: number | null;
  /** Milliseconds from the last byte written to the first byte of the answer (null: none). */
  answeredAfterMs: number | null;
  /** Milliseconds from the last byte written to the server closing the connection (null: we closed it). */
  closedAfterMs: number | null;
}

/** Writes the headers and half the body of a signed webhook, then stalls (or, with abandonAfterMs, hangs up). */
function halfABody(port: number, abandonAfterMs?: number): Promise<Partial> {
  const { request } = signedResendEvent(1);
  const body = Buffer.from(request.body as string);
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Content-Length: ${body.length}`,
  ]
    .concat(Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`))
    .join("\r\n");
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let wroteAt = 0;
    let answeredAt = 0;
    let done = false;
    const finish = (closedAfterMs: number | null) => {
      if (done) return;
      done = true;
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      const answeredAfterMs = answeredAt ? answeredAt - wroteAt : null;
      resolve({ status: match ? Number(match[1]) : null, answeredAfterMs, closedAfterMs });
    };
    socket.on("connect", () => {
      socket.write(`${head}\r\n\r\n`);
      socket.write(body.subarray(0, body.length >> 1));
      wroteAt = Date.now();
      if (abandonAfterMs !== undefined)
        setTimeout(() => {
          socket.destroy();
          finish(null);
        }, abandonAfterMs);
    });
    socket.on("data", (chunk) => {
      answeredAt ||= Date.now();
      received += chunk.toString("latin1");
    });
    socket.on("close", () => finish(Date.now() - wroteAt));
    socket.on("error", () => undefined);
    // Bounded: a connection the server never closes is reported as such after 30 s.
    setTimeout(() => {
      socket.destroy();
      finish(null);
    }, 30_000).unref();
  });
}

describe.each(TARGETS)("stalled and abandoned bodies · %s", (target) => {
  const skip = target === "postgres" ? postgresUnavailable() : null;

  it.skipIf(skip !== null)(
    "408 after the body timeout, aborted rows, signed traffic served meanwhile",
    async () => {
      const database = await freshDatabase(target, `slow-${target}`, postgres);
      const server = await startAppServer({
        name: `slow-${target}`,
        port: appPort(6),
        ...database,
        env: { WEBHOOK_BODY_TIMEOUT: String(BODY_TIMEOUT_S) },
      });
      const stalled = Array.from({ length: STALLED }, () => halfABody(server.port));
      const abandoned = Array.from({ length: ABANDONED }, () => halfABody(server.port, 300));
      const signed = await Promise.all(
        Array.from({ length: 40 }, (_, i) => send(server.url, signedEvent(i).request)),
      );
      const stalledResults = await Promise.all(stalled);
      await Promise.all(abandoned);
      await new Promise((r) => setTimeout(r, 500));
      await server.stop();
      const aborted = await withStored(database, async (query) => {
        const [row] = await query<{ n: number }>(
          "SELECT count(*)::int AS n FROM webhook_request WHERE outcome = 'aborted'",
        );
        return row.n;
      });
      database.cleanup();

      const statuses = stalledResults.reduce<Record<string, number>>(
        (t, r) => ((t[String(r.status)] = (t[String(r.status)] ?? 0) + 1), t),
        {},
      );
      const closedAfter = stalledResults.map((r) => r.closedAfterMs ?? Infinity);
      const answeredAfter = stalledResults.map((r) => r.answeredAfterMs ?? Infinity);
      report("stalled and abandoned bodies", target, {
        stalled: statuses,
        slowestAnswerMs: Math.max(...answeredAfter),
        slowestCloseMs: Math.max(...closedAfter),
        abortedRows: aborted,
        signedOk: signed.filter((a) => a.status === 200).length,
      });
      expect.soft(statuses, "answers to stalled bodies").toEqual({ 408: STALLED });
      // Bounded by the body timeout, with room for a busy machine: far from Node's own 300 s request timeout.
      expect
        .soft(Math.max(...answeredAfter), "ms until a stalled body was answered")
        .toBeLessThan(BODY_TIMEOUT_S * 1000 + 8_000);
      expect
        .soft(
          Math.max(...stalledResults.map((r) => (r.closedAfterMs ?? Infinity) - (r.answeredAfterMs ?? 0))),
          "ms from the 408 until the server closed the connection",
        )
        .toBeLessThan(3_000);
      expect.soft(aborted, "rows with the aborted outcome (stalled and abandoned)").toBe(STALLED + ABANDONED);
      expect
        .soft(
          signed.filter((a) => a.status !== 200).map((a) => `${a.status ?? a.error} ${a.body.slice(0, 100)}`),
        )
        .toEqual([]);
    },
  );
});

describe("a request refused before its body was read", () => {
  it.skipIf(UNREAD_BODY_KEEP_ALIVE_PENDING)(
    "leaves its keep-alive connection usable, or announces that it closes it",
    async () => {
      const database = await freshDatabase("pglite", "unread-body", postgres);
      const server = await startAppServer({ name: "unread-body", port: appPort(7), ...database });
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const results: string[] = [];
      for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
        const body = '{"type":"email.sent"}';
        const refused = await send(
          server.url,
          { method, path: "/webhooks/twilio", headers: { "content-type": "application/json" }, body },
          { agent },
        );
        const next = await send(server.url, signedEvent(0).request, { agent });
        results.push(
          `${method} → ${refused.status}, then a signed request on the same connection → ${next.status ?? next.error}`,
        );
      }
      agent.destroy();
      await server.stop();
      database.cleanup();
      report("request refused before its body was read", "pglite", { results });
      expect(results.filter((line) => !line.endsWith("→ 200"))).toEqual([]);
    },
  );
});
