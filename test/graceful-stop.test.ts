// SIGTERM to a webhook server under concurrent load (test/support/webhook-server-child.ts, on the embedded
// database): every request it had taken is answered — 2xx once committed, or 503 — none is reset, the
// process exits well within the shutdown deadline, and every 2xx is in the database after the exit.
import http from "node:http";
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import {
  buildResendRequest,
  buildTwilioRequest,
  resendEmailEvent,
  type BuiltRequest,
} from "./support/webhook-requests";
import { startWebhookServerChild } from "./support/webhook-server";

const PORT = 3143;
const CLIENTS = 32;
const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

interface Outcome {
  startedAt: number;
  endedAt?: number;
  status?: number;
  requestId?: string;
  error?: string;
}

/** One request over its own connection; resolves with the status or the socket error's code. */
function send(built: BuiltRequest): Promise<Outcome> {
  const startedAt = Date.now();
  const url = new URL(built.url);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: url.pathname + url.search,
        method: "POST",
        headers: built.init.headers as Record<string, string>,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error: NodeJS.ErrnoException) => resolve({ startedAt, error: error.code }));
        response.on("end", () => {
          const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { requestId?: string };
          resolve({ startedAt, endedAt: Date.now(), status: response.statusCode, requestId: body.requestId });
        });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ startedAt, endedAt: Date.now(), error: error.code ?? error.message }),
    );
    request.end(built.init.body as string);
  });
}

function anyRequest(i: number): BuiltRequest {
  return i % 2 ? buildTwilioRequest() : buildResendRequest({ payload: resendEmailEvent("email.delivered") });
}

describe("SIGTERM under load", () => {
  it("answers every request taken (2xx or 503), resets none, exits quickly, loses no 2xx", async () => {
    const server = await startWebhookServerChild(PORT);
    const { child, dataDir, exited } = server;
    tempDirs.push(dataDir);

    // CLIENTS loops send requests back to back; after the signal each stops at its first 503 or error.
    let signalledAt = 0;
    const outcomes: Outcome[] = [];
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; ; i++) {
        const outcome = await send(anyRequest(client + i));
        outcomes.push(outcome);
        if (signalledAt && (outcome.error || outcome.status === 503)) return;
        if (!signalledAt && outcome.error) return;
      }
    });
    // Signal once the server is warm and busy: every client has been answered at least once.
    const warmBy = Date.now() + 30_000;
    while (outcomes.filter((o) => o.status === 200).length < CLIENTS * 2 && Date.now() < warmBy)
      await new Promise((resolve) => setTimeout(resolve, 10));
    signalledAt = Date.now();
    child.kill("SIGTERM");
    await Promise.all(clients);
    const exit = await exited;

    const taken = outcomes.filter((o) => o.startedAt < signalledAt);
    const later = outcomes.filter((o) => o.startedAt >= signalledAt);
    // Requests were in flight at the signal (sent before it, answered after it).
    expect(taken.filter((o) => o.endedAt! > signalledAt).length, server.output()).toBeGreaterThan(0);
    // Every request sent before the signal got an answer: stored (200) or "retry" (503), never a reset.
    expect(
      taken.filter((o) => o.status !== 200 && o.status !== 503),
      server.output(),
    ).toEqual([]);
    // After it: 503 while the instance drains, or a refused connection once it stopped listening.
    expect(
      later.filter((o) => o.status !== 503 && o.status !== 200 && o.error !== "ECONNREFUSED"),
      server.output(),
    ).toEqual([]);
    expect({ code: exit.code }, server.output()).toEqual({ code: 0 });
    expect(exit.at - signalledAt, server.output()).toBeLessThan(5_000);
    expect(server.output()).not.toMatch(/still in flight at the shutdown deadline/);

    const db = await openDatabase({ dataDir, poolSize: 1 });
    try {
      const stored = outcomes.filter((o) => o.status === 200).map((o) => o.requestId!);
      const rows = await db.prisma.webhookRequest.findMany({
        where: { id: { in: stored } },
        select: { id: true, httpStatus: true },
      });
      expect(rows.length).toBe(stored.length);
      expect(rows.every((row) => row.httpStatus === 200)).toBe(true);
    } finally {
      await db.close();
    }
  }, 120_000);
});
