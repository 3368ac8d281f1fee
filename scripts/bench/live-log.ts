// `npm run bench -- --live-log`: the live log's latency, from the provider's 2xx to the event on an open
// stream. A stream (GET /api/events/stream, as the Events page opens it) stays open while signed Twilio
// and Resend callbacks are sent at a steady pace, alternating; for each, the time from the moment its 2xx
// answer arrived to the moment the stream delivered its request id. Only this scenario runs.
import path from "node:path";
import { onCleanup } from "./cleanup";
import { BENCH_SECRETS } from "./env";
import { say } from "./log";
import type { DbKind } from "./options";
import { createDatabase } from "./postgres";
import { unmatchedRequest } from "./requests";
import { startServer } from "./server";
import { summarize, type LatencySummary } from "./stats";

export interface LiveLogRun {
  db: DbKind;
  requests: number;
  ratePerSecond: number;
  latency: LatencySummary;
  missing: number;
}

/** Reads the stream's frames and records when each request id arrived. */
async function watchStream(url: string, arrived: Map<string, number>, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${url}/api/events/stream`, {
    headers: { authorization: `Bearer ${BENCH_SECRETS.API_KEY}` },
    signal,
  });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ready!: () => void;
  const hello = new Promise<void>((r) => (ready = r));
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const now = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.includes("event: hello")) ready();
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (block.includes("event: request") && data)
          arrived.set((JSON.parse(data) as { id: string }).id, now);
      }
    }
  })();
  await hello;
}

export async function runLiveLog(
  root: string,
  tmp: string,
  db: DbKind,
  count: number,
  ratePerSecond: number,
): Promise<LiveLogRun> {
  const database = db === "postgres" ? await createDatabase("livelog") : undefined;
  const server = await startServer({
    root,
    name: `livelog-${db}`,
    databaseUrl: database?.url,
    dataDir: path.join(tmp, `livelog-${db}`),
    logDir: tmp,
  });
  const abort = new AbortController();
  onCleanup(`close the live-log stream (${db})`, () => abort.abort());
  try {
    const arrived = new Map<string, number>();
    await watchStream(server.url, arrived, abort.signal);
    const answered = new Map<string, number>();
    const gap = 1000 / ratePerSecond;
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const wire = unmatchedRequest(i % 2 ? "resend" : "twilio", server.url);
      sends.push(
        fetch(server.url + wire.path, { method: "POST", headers: wire.headers, body: wire.body }).then(
          async (res) => {
            const at = performance.now();
            await res.arrayBuffer();
            if (res.status >= 300) throw new Error(`webhook answered ${res.status}`);
            answered.set(res.headers.get("x-request-id")!, at);
          },
        ),
      );
      await new Promise((r) => setTimeout(r, gap));
    }
    await Promise.all(sends);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && [...answered.keys()].some((id) => !arrived.has(id)))
      await new Promise((r) => setTimeout(r, 50));
    const samples = [...answered].flatMap(([id, at]) =>
      arrived.has(id) ? [Math.max(0, arrived.get(id)! - at)] : [],
    );
    const missing = answered.size - samples.length;
    say(`live log (${db}): ${samples.length} events, ${missing} missing`);
    return { db, requests: count, ratePerSecond, latency: summarize(samples), missing };
  } finally {
    abort.abort();
    await server.stop();
    await database?.drop();
  }
}
