// The ingest pipeline WITHOUT Next.js and without HTTP: lib/ingest's handleWebhook called in-process with
// Fetch Requests, at several concurrencies, on a fresh database. Run by handler.ts in a child process with
// the bench configuration (the config and logger read the environment once, at import):
//   node --import tsx scripts/bench/handler-child.ts '{"seconds":5,"levels":[1,8,50]}'
// Prints one JSON line (prefixed "RESULT ") on stdout. On PostgreSQL it also counts the SQL statements the
// pg driver sent, so a transaction's round trips are visible.
import pg from "pg";
import { buildTraffic } from "./requests";
import { summarize, type LatencySummary } from "./stats";

export interface HandlerLevel {
  concurrency: number;
  seconds: number;
  requests: number;
  perSecond: number;
  statusCounts: Record<string, number>;
  latency: LatencySummary;
  /** CPU time of this Node process (user + system) per request, µs: the JS side of ingest, no Next.js. */
  cpuPerRequestUs: number;
  /** The pre-built callbacks ran out before the level's time was up (its rate is still valid). */
  exhausted: boolean;
  /** PostgreSQL only: statements sent per request and per transaction (BEGIN counted as one transaction). */
  statementsPerRequest?: number;
  statementsPerTransaction?: number;
  transactions?: number;
}

let statements = 0;
let begins = 0;
const originalQuery = pg.Client.prototype.query;
// Counting only: every call is passed on unchanged.
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements++;
  const first = args[0];
  const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
  if (text && /^\s*BEGIN\b/i.test(text)) begins++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

async function main(): Promise<void> {
  const { seconds, levels } = JSON.parse(process.argv[2] ?? "{}") as { seconds: number; levels: number[] };
  const baseUrl = process.env.WEBHOOK_BASE_URL!;
  const { startDatabase, closeDatabase } = await import("../../lib/db/runtime");
  const { registerMessages } = await import("../../lib/messages/register");
  const { handleWebhook } = await import("../../lib/ingest/handle-webhook");
  const { twilioAdapter } = await import("../../lib/providers/twilio");
  const db = await startDatabase();
  const postgres = db.kind === "postgres";

  // Enough distinct callbacks for a fast pipeline; past the pool, the feeder would build unmatched ones.
  const traffic = buildTraffic("twilio", baseUrl, Math.ceil(3000 * (seconds * levels.length + 2)));
  for (let i = 0; i < traffic.messages.length; i += 1000) {
    await registerMessages(
      db,
      traffic.messages.slice(i, i + 1000).map((m) => ({ input: m })),
    );
  }
  let next = 0;
  const results: HandlerLevel[] = [];
  // Warm-up (JIT, connection pool, caches): 2 s at concurrency 8, not counted.
  const warmUntil = performance.now() + 2_000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < warmUntil && next < traffic.requests.length) {
        const wire = traffic.requests[next++];
        const response = await handleWebhook(
          twilioAdapter,
          new Request(baseUrl + wire.path, { method: "POST", headers: wire.headers, body: wire.body }),
        );
        await response.text();
      }
    }),
  );
  for (const concurrency of levels) {
    const statusCounts: Record<string, number> = {};
    const latencies: number[] = [];
    const beforeStatements = statements;
    const beforeBegins = begins;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline && next < traffic.requests.length) {
          const wire = traffic.requests[next++];
          const t0 = performance.now();
          const request = new Request(baseUrl + wire.path, {
            method: "POST",
            headers: wire.headers,
            body: wire.body,
          });
          const response = await handleWebhook(twilioAdapter, request);
          await response.text();
          latencies.push(performance.now() - t0);
          statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const requests = latencies.length;
    const sent = statements - beforeStatements;
    const transactions = begins - beforeBegins;
    results.push({
      concurrency,
      seconds: elapsed,
      requests,
      perSecond: requests / elapsed,
      statusCounts,
      latency: summarize(latencies),
      cpuPerRequestUs: (cpu.user + cpu.system) / requests,
      exhausted: next >= traffic.requests.length,
      ...(postgres
        ? {
            statementsPerRequest: sent / requests,
            statementsPerTransaction: transactions ? sent / transactions : undefined,
            transactions,
          }
        : {}),
    });
    process.stderr.write(
      `[bench] handler alone, concurrency ${concurrency}: ${(requests / elapsed).toFixed(0)} req/s\n`,
    );
  }
  await closeDatabase();
  process.stdout.write(
    `RESULT ${JSON.stringify({ db: db.kind, pool: traffic.requests.length, used: next, results })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
