// The measurements, per database: (a) the no-op route, (b) Twilio and Resend ingest with distinct signed
// callbacks, (d) a steady paced rate, (e) two instances on one PostgreSQL — each after a warm-up, on
// servers started for this run and stopped before the database they wrote is checked.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backendPids, canMeasureCpu, cpuSecondsBetween, sampleCpu } from "./cpu";
import { runHandlerAlone, type HandlerResult } from "./handler";
import { checkStore, withDatabase, type StoreCheck, type Window } from "./inspect";
import { runLoad, type LoadResult } from "./load";
import { say } from "./log";
import type { BenchOptions, DbKind } from "./options";
import { runPaced } from "./pacer";
import { createDatabase } from "./postgres";
import { findProfile, summarizeProfile, type ProfileSummary } from "./profile";
import { registerMessages } from "./register";
import { buildTraffic, Feeder, noopRequest, type Provider } from "./requests";
import { startServer, type BenchServer } from "./server";

export type ScenarioId = "noop" | "twilio" | "resend" | "steady" | "two-instances";

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  load: LoadResult;
  /** Two instances: each server's own run. */
  perInstance?: LoadResult[];
  /** Requests sent past the end of the pre-built pool (unmatched callbacks built on the fly). */
  poolOverflow: number;
  /** Paced run: requests the sender itself dispatched more than 5 ms late (the load generator lagged). */
  lateSends?: number;
  /** CPU per answered request during the measured run, µs: next-server(s), and PostgreSQL's backends. */
  cpu?: CpuPerRequest;
}

export interface CpuPerRequest {
  server: number;
  database?: number;
  /** Share of one core the server process(es) used: near 100 % per instance means CPU-bound. */
  serverCoreShare: number;
}

export interface ProfileResult {
  noop: ProfileSummary;
  ingest: ProfileSummary;
  /** Busy CPU time of next-server per answered request, µs. */
  cpuPerRequestUs: { noop: number; ingest: number };
  requests: { noop: number; ingest: number };
}

export interface SuiteResult {
  db: DbKind;
  scenarios: ScenarioResult[];
  /** The single-server run's database, checked after its server stopped. */
  store: StoreCheck;
  twoInstanceStore?: StoreCheck;
  profile?: ProfileResult;
  handler?: HandlerResult;
  /** Things the reader should know about this suite's run (scenarios skipped, …). */
  notes: string[];
}

export interface Context {
  root: string;
  tmp: string;
  options: BenchOptions;
}

interface Target {
  databaseUrl?: string;
  /** PostgreSQL: the database name (its backends' CPU is measured). */
  databaseName?: string;
  dataDir: string;
}

/** Fresh storage: a new temp DATA_DIR for PGlite, a new database for PostgreSQL. */
async function freshTarget(ctx: Context, db: DbKind, purpose: string): Promise<Target> {
  const dataDir = path.join(ctx.tmp, `data-${db}-${purpose}`);
  mkdirSync(dataDir, { recursive: true });
  if (db === "pglite") return { dataDir };
  const database = await createDatabase(purpose);
  return { dataDir, databaseUrl: database.url, databaseName: database.name };
}

function start(ctx: Context, name: string, target: Target, cpuProfDir?: string): Promise<BenchServer> {
  const logDir = path.join(ctx.tmp, "logs");
  mkdirSync(logDir, { recursive: true });
  return startServer({ root: ctx.root, name, ...target, logDir, cpuProfDir });
}

/** How many distinct callbacks to pre-build: generous, from the no-op rate (ingest is not faster than it). */
function poolSize(ctx: Context, ceilingPerSecond: number): number {
  const { seconds, warmup } = ctx.options;
  return Math.ceil(Math.max(400, ceilingPerSecond * 1.3) * (seconds + warmup)) + 1000;
}

async function preparedFeeder(server: BenchServer, provider: Provider, count: number): Promise<Feeder> {
  const traffic = buildTraffic(provider, server.url, count);
  const started = Date.now();
  await registerMessages(server.url, traffic.messages);
  say(
    `${server.name}: registered ${traffic.messages.length} ${provider} messages in ${((Date.now() - started) / 1000).toFixed(1)} s; ${traffic.requests.length} signed callbacks ready`,
  );
  return new Feeder(traffic.requests, provider, server.url);
}

/** Measures the CPU the servers and the database's backends use while `work` runs. */
async function withCpu<T extends LoadResult | LoadResult[]>(
  servers: BenchServer[],
  target: Target,
  work: () => Promise<T>,
): Promise<{ result: T; cpu?: CpuPerRequest }> {
  if (!canMeasureCpu) return { result: await work() };
  const dbPids = () => (target.databaseName ? backendPids(target.databaseName) : []);
  const serverBefore = sampleCpu(servers.map((s) => s.pid));
  const dbBefore = sampleCpu(dbPids());
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const serverSeconds = cpuSecondsBetween(serverBefore, sampleCpu(servers.map((s) => s.pid)));
  const dbSeconds = cpuSecondsBetween(dbBefore, sampleCpu(dbPids()));
  const runs: LoadResult[] = Array.isArray(result) ? result : [result as LoadResult];
  const answered = runs.reduce((n, r) => n + r.completed, 0);
  return {
    result,
    cpu: {
      server: (serverSeconds * 1e6) / answered,
      database: target.databaseName ? (dbSeconds * 1e6) / answered : undefined,
      serverCoreShare: serverSeconds / wall / servers.length,
    },
  };
}

/** Warm-up, then the measured run; the window is what the database check and the profile look at. */
async function closedLoop(
  ctx: Context,
  server: BenchServer,
  target: Target,
  next: () => ReturnType<Feeder["next"]>,
  collectIds: boolean,
  label: string,
) {
  const { connections, seconds, warmup } = ctx.options;
  const warm = await runLoad({ baseUrl: server.url, connections, seconds: warmup, next, collectIds });
  const from = new Date();
  const { result: load, cpu } = await withCpu([server], target, () =>
    runLoad({ baseUrl: server.url, connections, seconds, next, collectIds }),
  );
  const until = new Date();
  say(
    `${server.name} ${label}: ${load.okPerSecond.toFixed(0)} ok/s, p50 ${load.latency.p50.toFixed(1)} ms, p99 ${load.latency.p99.toFixed(1)} ms, non-2xx ${load.non2xx}, errors ${load.errors + load.timeouts}${cpu ? `; server CPU ${cpu.server.toFixed(0)} µs/request (${(cpu.serverCoreShare * 100).toFixed(0)} % of a core)` : ""}`,
  );
  return { warm, load, cpu, window: { id: label, from, until } satisfies Window };
}

export async function runSuite(ctx: Context, db: DbKind): Promise<SuiteResult> {
  const { options } = ctx;
  const scenarios: ScenarioResult[] = [];
  const windows: Window[] = [];
  const acked: string[] = [];
  const notes: string[] = [];
  const target = await freshTarget(ctx, db, "single");
  const server = await start(ctx, db, target);

  // a. The no-op route: what Next.js alone costs per request, in the same build and server.
  const noop = noopRequest(server.url);
  const a = await closedLoop(ctx, server, target, () => noop, false, "noop");
  scenarios.push({
    id: "noop",
    title: "No-op route (POST /bench/noop)",
    load: a.load,
    poolOverflow: 0,
    cpu: a.cpu,
  });
  const ceiling = a.load.perSecond;

  // b. Ingest, at the same connection count and duration. Resend signatures are accepted for 5 minutes
  // after their timestamp, so a pre-signed pool cannot serve a longer run.
  const resendFits = options.seconds + options.warmup <= 240;
  if (!resendFits)
    notes.push(
      "The Resend scenario was skipped: its pre-signed requests would be older than Resend's 5-minute tolerance before the run ends (keep --duration + --warmup ≤ 240 s).",
    );
  for (const provider of resendFits ? (["twilio", "resend"] as const) : (["twilio"] as const)) {
    const feeder = await preparedFeeder(server, provider, poolSize(ctx, ceiling));
    const b = await closedLoop(ctx, server, target, () => feeder.next(), true, provider);
    acked.push(...b.warm.ackedIds, ...b.load.ackedIds);
    windows.push(b.window);
    scenarios.push({
      id: provider,
      title:
        provider === "twilio" ? "Ingest: Twilio status callbacks" : "Ingest: Resend events (Svix-signed)",
      load: b.load,
      poolOverflow: feeder.overflow,
      cpu: b.cpu,
    });
  }

  // d. A steady paced rate (open loop), on Twilio ingest.
  {
    const count = Math.ceil(options.rate * (options.seconds + options.warmup) * 1.05) + 100;
    const feeder = await preparedFeeder(server, "twilio", count);
    const warm = await runPaced({
      baseUrl: server.url,
      rate: options.rate,
      seconds: options.warmup,
      next: () => feeder.next(),
      collectIds: true,
    });
    const from = new Date();
    const { result: load, cpu } = await withCpu([server], target, () =>
      runPaced({
        baseUrl: server.url,
        rate: options.rate,
        seconds: options.seconds,
        next: () => feeder.next(),
        collectIds: true,
      }),
    );
    windows.push({ id: "steady", from, until: new Date() });
    acked.push(...warm.ackedIds, ...load.ackedIds);
    say(
      `${server.name} steady ${options.rate}/s: p50 ${load.latency.p50.toFixed(1)} ms, p99 ${load.latency.p99.toFixed(1)} ms, max ${load.latency.max.toFixed(1)} ms, non-2xx ${load.non2xx}`,
    );
    scenarios.push({
      id: "steady",
      title: `Steady ${options.rate} req/s, Twilio ingest (paced, open loop)`,
      load,
      poolOverflow: feeder.overflow,
      lateSends: load.lateSends,
      cpu,
    });
  }

  await server.stop();
  const store = await withDatabase(target, (q) => checkStore(q, acked, windows));
  say(`${db}: ${store.stored}/${store.acked} acknowledged requests found stored`);

  const result: SuiteResult = { db, scenarios, store, notes };
  if (db === "postgres") {
    const two = await twoInstances(ctx, ceiling);
    scenarios.push(two.scenario);
    result.twoInstanceStore = two.store;
  }
  if (options.profile) {
    result.profile = await profiled(ctx, db);
    // The same pipeline without Next.js and HTTP: what ingest itself can do on this machine.
    result.handler = await runHandlerAlone(
      ctx.root,
      ctx.tmp,
      db,
      Math.min(6, Math.max(3, options.seconds / 2)),
      [1, 8, options.connections],
    );
  }
  return result;
}

/** e. Two servers on one fresh PostgreSQL database, driven at once; then every acknowledgement is checked. */
async function twoInstances(
  ctx: Context,
  ceiling: number,
): Promise<{ scenario: ScenarioResult; store: StoreCheck }> {
  const { options } = ctx;
  const target = await freshTarget(ctx, "postgres", "two");
  const servers = [await start(ctx, "pg-a", target), await start(ctx, "pg-b", target)];
  const feeders = await Promise.all(servers.map((s) => preparedFeeder(s, "twilio", poolSize(ctx, ceiling))));
  const drive = (seconds: number) =>
    Promise.all(
      servers.map((s, i) =>
        runLoad({
          baseUrl: s.url,
          connections: options.connections,
          seconds,
          next: () => feeders[i].next(),
          collectIds: true,
        }),
      ),
    );
  const warm = await drive(options.warmup);
  const from = new Date();
  const { result: runs, cpu } = await withCpu(servers, target, () => drive(options.seconds));
  const window: Window = { id: "two-instances", from, until: new Date() };
  for (const s of servers) await s.stop();
  const acked = [...warm, ...runs].flatMap((r) => r.ackedIds);
  const store = await withDatabase(target, (q) => checkStore(q, acked, [window]));
  const load = combine(runs);
  say(
    `two instances: ${load.okPerSecond.toFixed(0)} ok/s in total; ${store.stored}/${store.acked} acknowledged requests stored`,
  );
  return {
    scenario: {
      id: "two-instances",
      title: "Two instances, one PostgreSQL: Twilio ingest on both at once",
      load,
      perInstance: runs,
      poolOverflow: feeders.reduce((n, f) => n + f.overflow, 0),
      cpu,
    },
    store,
  };
}

/** Sums parallel runs: rates add up; latency percentiles are taken from the worse instance (conservative). */
function combine(runs: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((n, r) => n + pick(r), 0);
  const statusCounts: Record<string, number> = {};
  for (const r of runs)
    for (const [k, v] of Object.entries(r.statusCounts)) statusCounts[k] = (statusCounts[k] ?? 0) + v;
  const worst = (pick: (r: LoadResult) => number) => Math.max(...runs.map(pick));
  return {
    seconds: worst((r) => r.seconds),
    connections: sum((r) => r.connections),
    completed: sum((r) => r.completed),
    ok: sum((r) => r.ok),
    okPerSecond: sum((r) => r.okPerSecond),
    perSecond: sum((r) => r.perSecond),
    non2xx: sum((r) => r.non2xx),
    statusCounts,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    latency: {
      p50: worst((r) => r.latency.p50),
      p95: worst((r) => r.latency.p95),
      p99: worst((r) => r.latency.p99),
      max: worst((r) => r.latency.max),
      mean: worst((r) => r.latency.mean),
    },
    ackedIds: [],
    errorMessages: [...new Set(runs.flatMap((r) => r.errorMessages))].slice(0, 3),
  };
}

/**
 * --profile: a separate server under `node --cpu-prof` (profiling slows it, so its rates are not reported
 * as results): no-op then Twilio ingest, each summarized over its own measured window.
 */
async function profiled(ctx: Context, db: DbKind): Promise<ProfileResult> {
  const profDir = path.join(ctx.tmp, `prof-${db}`);
  mkdirSync(profDir, { recursive: true });
  const target = await freshTarget(ctx, db, "prof");
  const server = await start(ctx, `${db}-prof`, target, profDir);
  const noop = noopRequest(server.url);
  const a = await closedLoop(ctx, server, target, () => noop, false, "noop (profiled)");
  const feeder = await preparedFeeder(server, "twilio", poolSize(ctx, a.load.perSecond));
  const b = await closedLoop(ctx, server, target, () => feeder.next(), false, "twilio (profiled)");
  await server.stop();
  const end = Date.now();
  const file = findProfile(profDir);
  if (!file) throw new Error(`no CPU profile written in ${profDir}`);
  const windowOf = (w: Window) => ({
    fromMsBeforeEnd: end - w.from.getTime(),
    untilMsBeforeEnd: end - w.until.getTime(),
  });
  const noopSummary = summarizeProfile(file, windowOf(a.window));
  const ingestSummary = summarizeProfile(file, windowOf(b.window));
  const perRequest = (s: ProfileSummary, n: number) => (n ? (s.seconds * s.busyShare * 1e6) / n : NaN);
  return {
    noop: noopSummary,
    ingest: ingestSummary,
    cpuPerRequestUs: {
      noop: perRequest(noopSummary, a.load.completed),
      ingest: perRequest(ingestSummary, b.load.completed),
    },
    requests: { noop: a.load.completed, ingest: b.load.completed },
  };
}
