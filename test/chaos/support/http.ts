// One HTTP exchange over node:http, which (unlike fetch) sends any method (TRACE), any bytes and any header,
// and tells a refused connection (nothing taken) from one reset after it was accepted (a request dropped).
import http from "node:http";

export interface RawRequest {
  method: string;
  /** Path and query, e.g. /webhooks/twilio?x=1 */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface Answer {
  /** HTTP status, or null when no answer arrived. */
  status: number | null;
  /** The answer's body (capped), parsed as JSON when it is JSON. */
  body: string;
  json: Record<string, unknown> | null;
  /** ECONNREFUSED, ECONNRESET, socket hang up, timeout, … when status is null. */
  error: string | null;
  /** The TCP connection was established (so a missing answer means the server dropped the request). */
  connected: boolean;
  /** Sent on a kept-alive connection that had carried an earlier request. */
  reused: boolean;
  ms: number;
}

export interface SendOptions {
  /** A keep-alive agent for throughput; omitted, every request gets a connection of its own. */
  agent?: http.Agent;
  timeoutMs?: number;
}

const BODY_CAP = 64 * 1024;

export function send(baseUrl: string, request: RawRequest, options: SendOptions = {}): Promise<Answer> {
  const url = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    const finish = (answer: Omit<Answer, "connected" | "reused" | "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, connected, reused: req.reusedSocket, ms: performance.now() - started });
    };
    const req: http.ClientRequest = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < BODY_CAP) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown> | null = null;
          try {
            json = body ? (JSON.parse(body) as Record<string, unknown>) : null;
          } catch {
            json = null;
          }
          finish({ status: res.statusCode ?? null, body, json, error: null });
        });
        res.on("error", (error) =>
          finish({ status: res.statusCode ?? null, body: "", json: null, error: error.message }),
        );
      },
    );
    req.on("socket", (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once("connect", () => (connected = true));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish({ status: null, body: "", json: null, error: error.code ?? error.message }),
    );
    if (request.body !== undefined) req.end(request.body);
    else req.end();
  });
}

/** Resolves when `url` answers 200 on its health check, or throws after `ms`. */
export async function waitForHealthy(baseUrl: string, ms: number): Promise<number> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < ms) {
    const answer = await send(
      baseUrl,
      { method: "GET", path: "/webhooks/health", headers: {} },
      { timeoutMs: 3_000 },
    );
    if (answer.status === 200) return Date.now() - started;
    last = answer.status ? `${answer.status} ${answer.body.slice(0, 200)}` : String(answer.error);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${baseUrl} not healthy again within ${ms} ms (last: ${last})`);
}
