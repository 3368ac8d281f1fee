// The sender against a local HTTP server: concurrency cap, keep-alive, pacing, answers, and a stop on
// connection refused.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAll, type HttpRequest } from "./send";

let server: http.Server;
let base = "";
let inFlight = 0,
  maxInFlight = 0;
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () =>
      setTimeout(() => {
        inFlight--;
        const bad = body.includes("bad");
        res.writeHead(bad ? 401 : 200, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            bad
              ? { success: false, error: { code: "invalid_signature" } }
              : { success: true, outcome: "accepted" },
          ),
        );
      }, 5),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = (body: string, url = base + "/webhooks/twilio"): HttpRequest => ({
  provider: "twilio",
  url,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body,
});

describe("sendAll", () => {
  it("keeps at most C requests in flight, over at most C kept-alive sockets, and reads the outcome", async () => {
    maxInFlight = 0;
    sockets.clear();
    const run = await sendAll(60, (i) => request(i % 10 === 0 ? "bad" : "good"), {
      concurrency: 4,
      rate: 0,
      timeoutMs: 5000,
    });
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(sockets.size).toBeLessThanOrEqual(4);
    expect(run.results.filter((r) => r?.status === 200 && r.outcome === "accepted")).toHaveLength(54);
    expect(
      run.results.filter((r) => r?.status === 401 && r.outcome === "error:invalid_signature"),
    ).toHaveLength(6);
    expect(run.results.every((r) => r && r.latencyMs > 0)).toBe(true);
  });

  it("paces requests to --rate", async () => {
    const run = await sendAll(11, () => request("good"), { concurrency: 10, rate: 100, timeoutMs: 5000 });
    // 11 requests at 100/s: the last leaves 100 ms after the first.
    expect(run.elapsedMs).toBeGreaterThanOrEqual(95);
    expect(run.results.filter(Boolean)).toHaveLength(11);
  });

  it("stops at connection refused and reports it", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await sendAll(50, () => request("good", `http://127.0.0.1:${port}/webhooks/twilio`), {
      concurrency: 2,
      rate: 0,
      timeoutMs: 1000,
    });
    expect(run.stoppedBy).toBe("ECONNREFUSED");
    const sent = run.results.filter(Boolean);
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(sent[0]).toMatchObject({ status: null, transportError: "ECONNREFUSED" });
  });
});
