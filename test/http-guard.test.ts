// The HTTP guard in front of Next.js (lib/http/guard.ts), on a real Node HTTP server: the socket's peer
// address replaces any client-sent value of the internal header, and TRACE gets 405 before the
// application sees them (the Fetch API cannot represent those methods, so Next.js would answer 500).
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeRequests, installHttpGuard } from "@/lib/http/guard";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

let server: http.Server;
let port: number;
const seen: Array<{ method?: string; peer?: string | string[]; active: number }> = [];

beforeAll(async () => {
  installHttpGuard();
  server = http.createServer((request, response) => {
    seen.push({
      method: request.method,
      peer: request.headers[PEER_ADDRESS_HEADER],
      active: activeRequests(),
    });
    // Like a route that refuses a method or a size before reading the body: answer at once.
    if (request.url === "/unread") response.writeHead(405);
    response.end("app");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw HTTP/1.1 exchange, so any method and header can be sent exactly. */
function raw(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(`${head}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("HTTP guard", () => {
  it("replaces a forged peer-address header with the socket's address", async () => {
    seen.length = 0;
    const answer = await raw(
      `POST /webhooks/twilio HTTP/1.1\r\nHost: x\r\n${PEER_ADDRESS_HEADER}: 6.6.6.6\r\nContent-Length: 0`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(seen).toEqual([{ method: "POST", peer: "127.0.0.1", active: 1 }]);
    expect(activeRequests()).toBe(0);
  });

  it.each(["TRACE"])("answers %s with 405 and an Allow header, without reaching the app", async (method) => {
    seen.length = 0;
    for (const path of ["/webhooks/twilio", "/", "/messages"]) {
      const answer = await raw(`${method} ${path} HTTP/1.1\r\nHost: x`);
      expect(answer).toMatch(/^HTTP\/1\.1 405/);
      expect(answer).toMatch(/\r\nAllow: GET, HEAD, POST/i);
      expect(answer).toContain('"code":"method_not_allowed"');
    }
    expect(seen).toEqual([]);
  });

  it("announces the close of a keep-alive connection whose body it answered unread", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const request = http.request(
        {
          port,
          host: "127.0.0.1",
          method: "PUT",
          path: "/unread",
          agent,
          headers: { "content-length": 100 },
        },
        (response) => {
          response.resume();
          resolve(response.headers);
        },
      );
      request.on("error", reject);
      request.write("x"); // 1 of the 100 bytes announced: the body is not complete when the answer goes out
    });
    agent.destroy();
    expect(headers.connection).toBe("close");
  });
});
