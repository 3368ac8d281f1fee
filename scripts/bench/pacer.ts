// A steady, open-loop load: request i is due at start + i/rate, whatever happened to the earlier ones, and
// its latency is counted from when it was DUE (not from when it could be sent), so a stalled server shows
// in the percentiles instead of quietly slowing the sender down (no coordinated omission).
// autocannon's overallRate is not used for this: it lets each connection send its quota for the second
// back-to-back and then pauses until the next second, i.e. bursts at every full second.
import http from "node:http";
import type { LoadResult } from "./load";
import type { WireRequest } from "./requests";
import { summarize } from "./stats";

export interface PacedSpec {
  baseUrl: string;
  rate: number;
  seconds: number;
  next: () => WireRequest;
  collectIds?: boolean;
  timeoutMs?: number;
}

export async function runPaced(spec: PacedSpec): Promise<LoadResult & { lateSends: number }> {
  const { hostname, port } = new URL(spec.baseUrl);
  // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout can close one just as a
  // request is written on it (a client-side race that would show as a spurious connection error).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: 4_000 });
  const total = Math.round(spec.rate * spec.seconds);
  const intervalMs = 1000 / spec.rate;
  const latencies: number[] = [];
  const ackedIds: string[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let lateSends = 0;
  const errorMessages = new Set<string>();
  let done = 0;
  const timeoutMs = spec.timeoutMs ?? 10_000;

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const request = spec.next();
      const req = http.request(
        {
          host: hostname,
          port: Number(port),
          method: request.method,
          path: request.path,
          agent,
          headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - dueAt);
            const status = res.statusCode ?? 0;
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            if (spec.collectIds && status >= 200 && status < 300) {
              try {
                const id = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { requestId?: unknown })
                  .requestId;
                if (typeof id === "string") ackedIds.push(id);
              } catch {
                // not JSON: counted by status only
              }
            }
            resolve();
          });
        },
      );
      req.setTimeout(timeoutMs, () => {
        timeouts++;
        req.destroy(new Error("timeout"));
      });
      req.on("error", (error: Error) => {
        errors++;
        if (errorMessages.size < 3) errorMessages.add(error.message);
        resolve();
      });
      req.end(request.body);
    });

  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  await new Promise<void>((finish) => {
    const tick = () => {
      const now = performance.now();
      while (done < total && started + done * intervalMs <= now) {
        const dueAt = started + done * intervalMs;
        if (now - dueAt > 5) lateSends++;
        inFlight.push(send(dueAt));
        done++;
      }
      if (done >= total) return finish();
      setTimeout(tick, Math.max(0, started + done * intervalMs - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const completed = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  const ok = Object.entries(statusCounts)
    .filter(([c]) => c.startsWith("2"))
    .reduce((a, [, n]) => a + n, 0);
  return {
    seconds,
    connections: 0,
    completed,
    ok,
    okPerSecond: ok / spec.seconds,
    perSecond: completed / spec.seconds,
    non2xx: completed - ok,
    statusCounts,
    errors: errors - timeouts,
    timeouts,
    latency: summarize(latencies),
    ackedIds,
    errorMessages: [...errorMessages],
    lateSends,
  };
}
