// Slow and broken clients over a real socket (test/support/webhook-server-child.ts, the real start-up
// and HTTP guard): a body sent too slowly is answered 408 after WEBHOOK_BODY_TIMEOUT and its connection
// closed, instead of being held open for minutes; TRACE is answered 405, not 500.
import net from "node:net";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { buildTwilioRequest } from "./support/webhook-requests";
import { startWebhookServerChild, type WebhookServerChild } from "./support/webhook-server";

const PORT = 3144;
let server: WebhookServerChild;

beforeAll(async () => {
  server = await startWebhookServerChild(PORT, { WEBHOOK_BODY_TIMEOUT: "1" });
}, 90_000);
afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exited;
  await rm(server.dataDir, { recursive: true, force: true });
});

/** Writes `head` (and optionally part of a body), then collects what the server answers until it closes. */
function exchange(head: string, body = ""): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(PORT, "127.0.0.1", () => socket.write(head + body));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("close", () => resolve({ answer, closedAfterMs: Date.now() - started }));
    socket.on("error", reject);
    setTimeout(() => socket.destroy(new Error(`still open after 10 s; got: ${answer}`)), 10_000);
  });
}

describe("slow and broken clients", () => {
  it("answers TRACE with 405", async () => {
    const { answer } = await exchange(
      "TRACE /webhooks/twilio HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 405/);
  });

  it("answers 408 to a body that stalls, closes the connection, and keeps a row", async () => {
    const built = buildTwilioRequest();
    const body = String(built.init.body);
    const headers = Object.entries(built.init.headers as Record<string, string>)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    const head = `POST /webhooks/twilio HTTP/1.1\r\nHost: x\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const { answer, closedAfterMs } = await exchange(head, body.slice(0, 10));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"body_timeout"');
    expect(closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(closedAfterMs).toBeLessThan(5_000);
    const requestId = /"requestId":"([0-9a-f-]{36})"/.exec(answer)?.[1];
    expect(requestId).toBeDefined();

    server.child.kill("SIGTERM");
    await server.exited;
    const db = await openDatabase({ dataDir: server.dataDir, poolSize: 1 });
    try {
      const row = await db.prisma.webhookRequest.findUniqueOrThrow({ where: { id: requestId } });
      expect(row).toMatchObject({ outcome: "aborted", httpStatus: 408, sourceIp: "127.0.0.1" });
    } finally {
      await db.close();
    }
  });
});
