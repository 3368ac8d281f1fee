// The concurrent sender: C workers over keep-alive sockets, optionally paced to R requests per second.
// A request is built (signed) only when its turn comes, so Svix timestamps are fresh; latency is timed
// from the write to the end of the answer. Connection refused stops the run: nothing is listening.
import http from "node:http";
import https from "node:https";
import type { Provider } from "./lifecycle";

export interface HttpRequest {
  provider: Provider;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SendResult {
  index: number;
  /** HTTP status, or null when the request failed at the transport level. */
  status: number | null;
  /** The answer's `outcome`, or `error:<code>` for an error body, or null. */
  outcome: string | null;
  /** ECONNREFUSED, ECONNRESET, ETIMEDOUT, … */
  transportError: string | null;
  latencyMs: number;
  /** Kept for answers other than 2xx only, to explain a failure. */
  body?: string;
}

export interface SendOptions {
  concurrency: number;
  /** Requests per second; 0 = as fast as the workers go. */
  rate: number;
  timeoutMs: number;
  onResult?: (result: SendResult) => void;
}

export interface SendRun {
  /** Indexed by request; a hole is a request never sent (the run stopped). */
  results: Array<SendResult | undefined>;
  elapsedMs: number;
  stoppedBy: string | null;
}

export async function sendAll(
  count: number,
  build: (index: number) => HttpRequest,
  options: SendOptions,
): Promise<SendRun> {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: options.concurrency }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: options.concurrency }),
  };
  const urls = new Map<string, URL>();
  const results: Array<SendResult | undefined> = new Array(count);
  let next = 0;
  let stoppedBy: string | null = null;
  const started = performance.now();

  const worker = async () => {
    for (let index = next++; index < count && !stoppedBy; index = next++) {
      if (options.rate > 0) {
        const wait = started + (index * 1000) / options.rate - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        if (stoppedBy) return;
      }
      const request = build(index);
      let url = urls.get(request.url);
      if (!url) urls.set(request.url, (url = new URL(request.url)));
      const sentAt = performance.now();
      let result: SendResult;
      try {
        const answer = await post(
          url,
          request,
          agents[url.protocol as keyof typeof agents],
          options.timeoutMs,
        );
        result = {
          index,
          ...readAnswer(answer.status, answer.body),
          transportError: null,
          latencyMs: performance.now() - sentAt,
        };
      } catch (error) {
        const code =
          (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        result = {
          index,
          status: null,
          outcome: null,
          transportError: code,
          latencyMs: performance.now() - sentAt,
        };
        if (code === "ECONNREFUSED") stoppedBy = code;
      }
      results[index] = result;
      options.onResult?.(result);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
  } finally {
    agents["http:"].destroy();
    agents["https:"].destroy();
  }
  return { results, elapsedMs: performance.now() - started, stoppedBy };
}

function post(
  url: URL,
  request: HttpRequest,
  agent: http.Agent,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const body = Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        agent,
        timeout: timeoutMs,
        headers: { ...request.headers, "content-length": String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () =>
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" })),
    );
    req.on("error", reject);
    req.end(body);
  });
}

function readAnswer(status: number, text: string): Pick<SendResult, "status" | "outcome" | "body"> {
  let outcome: string | null = null;
  try {
    const json = JSON.parse(text) as { outcome?: unknown; error?: { code?: unknown } };
    if (typeof json?.outcome === "string") outcome = json.outcome;
    else if (typeof json?.error?.code === "string") outcome = `error:${json.error.code}`;
  } catch {
    // Not JSON (a proxy's HTML page, an empty 204): the status says enough.
  }
  return status >= 200 && status < 300 ? { status, outcome } : { status, outcome, body: text.slice(0, 500) };
}
