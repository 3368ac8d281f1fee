// Drives one server with autocannon (closed loop: C connections, each sends its next request when the
// previous answer arrives) for a fixed time, and summarizes every answer: rate, latency, status codes,
// and the requestId of every 2xx (to check afterwards that each acknowledged request was stored).
import autocannon, { type AutocannonRequest } from "autocannon";
import { summarize, type LatencySummary } from "./stats";
import type { WireRequest } from "./requests";

export interface LoadResult {
  /** Measured wall time of the run, seconds. */
  seconds: number;
  connections: number;
  /** Answers received (any status). */
  completed: number;
  /** 2xx answers per second. */
  okPerSecond: number;
  /** Answers per second, any status. */
  perSecond: number;
  ok: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
  latency: LatencySummary;
  /** requestId of every 2xx answer that carried one (ingest only). */
  ackedIds: string[];
  /** A few distinct messages of the connection errors, if any. */
  errorMessages: string[];
}

export interface LoadSpec {
  baseUrl: string;
  connections: number;
  seconds: number;
  /** The next request to send: each call may return a different one (a distinct callback). */
  next: () => WireRequest;
  collectIds?: boolean;
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const ackedIds: string[] = [];
  const errorMessages = new Set<string>();
  const first = spec.next();
  const template: AutocannonRequest = {
    ...first,
    // Called for every request (the first one included): a fresh pre-signed callback each time.
    setupRequest: (request) => ({ ...request, ...spec.next() }),
    onResponse: spec.collectIds
      ? (status, body) => {
          if (status < 200 || status >= 300) return;
          try {
            const id = (JSON.parse(body) as { requestId?: unknown }).requestId;
            if (typeof id === "string") ackedIds.push(id);
          } catch {
            // not JSON: counted by status only
          }
        }
      : undefined,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections: spec.connections,
        duration: spec.seconds,
        timeout: 10,
        requests: [template],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        const statusCounts: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCounts[code] = count;
        const completed = Object.values(statusCounts).reduce((a, b) => a + b, 0);
        const runSeconds = result.duration > 0 ? result.duration : seconds;
        resolve({
          seconds: runSeconds,
          connections: spec.connections,
          completed,
          ok: result["2xx"],
          okPerSecond: result["2xx"] / runSeconds,
          perSecond: completed / runSeconds,
          non2xx: result.non2xx,
          statusCounts,
          errors: result.errors - result.timeouts,
          timeouts: result.timeouts,
          latency: summarize(latencies),
          ackedIds,
          errorMessages: [...errorMessages],
        });
      },
    );
    instance.on("reqError", (error: Error) => {
      if (errorMessages.size < 3) errorMessages.add(error.message);
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}
