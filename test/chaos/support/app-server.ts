// The real production server (`next start` of the end-to-end build) as a child process the scenario can
// signal: SIGKILL to crash it, SIGTERM to stop it, /proc to read its memory. Started directly as
// `node node_modules/next/dist/bin/next start`, so the child IS next-server and a signal reaches the app.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isolatedEnv } from "../../../scripts/support/clean-env";
import { nextBin } from "../../../scripts/support/production-build";
import { E2E_DIST_DIR } from "../../../e2e/support/test-env";
import {
  PUBLIC_BASE_URL,
  TEST_RESEND_WEBHOOK_SECRET,
  TEST_TWILIO_AUTH_TOKEN,
} from "../../support/webhook-requests";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface AppServerOptions {
  /** Label for logs: "pglite", "pg-a", … */
  name: string;
  port: number;
  /** postgresql://… ; undefined runs on the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Extra configuration (e.g. WEBHOOK_TIMEOUT). */
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppServer {
  name: string;
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** Resolves once the process has exited. */
  exited: Promise<Exit>;
  isRunning(): boolean;
  signal(signal: NodeJS.Signals): void;
  /** The exit, or null when the process is still running after `ms`. */
  waitForExit(ms: number): Promise<Exit | null>;
  /** Resident memory of the server process in bytes (0 once it has exited). */
  rssBytes(): number;
  /** The last lines of its output, for a failure message. */
  tail(lines?: number): string;
  /** SIGTERM, then SIGKILL if it has not exited after 20 s. Idempotent. */
  stop(): Promise<Exit>;
}

const running = new Set<AppServer>();

/** A fresh temporary data directory for the embedded database. */
export function tempDataDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `signalboard-chaos-${label}-`));
}

/** Where every server's output goes: one file per start, kept for reading after a failure. */
export const LOG_DIR = path.join(os.tmpdir(), "signalboard-chaos-logs");

/** The configuration every chaos server runs with: the production defaults plus the test secrets. */
function serverEnv(options: AppServerOptions): NodeJS.ProcessEnv {
  const env = isolatedEnv(ROOT, E2E_DIST_DIR);
  delete env.NODE_OPTIONS;
  return {
    ...env,
    NODE_ENV: "production",
    PORT: String(options.port),
    WEBHOOK_BASE_URL: PUBLIC_BASE_URL,
    TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN,
    RESEND_WEBHOOK_SECRET: TEST_RESEND_WEBHOOK_SECRET,
    API_KEYS: "chaos-test-key",
    VERIFY_WEBHOOK_SIGNATURES: "true",
    WEBHOOK_LOG_LEVEL: "warn",
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? "",
    // Our instrumentation handles SIGTERM: it drains writes and closes the database first.
    NEXT_MANUAL_SIG_HANDLE: "true",
    ...options.env,
  };
}

function tailOf(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no output)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function readRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts the server and waits until its health check answers 200 (the database is migrated and up). */
export async function startAppServer(
  options: AppServerOptions,
  healthyWithinMs = 90_000,
): Promise<AppServer> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${options.name}-${options.port}-${Date.now()}.log`);
  const out = openSync(logFile, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin(ROOT), "start", "-p", String(options.port), "-H", "127.0.0.1"],
    { cwd: ROOT, stdio: ["ignore", out, out], env: serverEnv(options) },
  );
  closeSync(out);
  const pid = child.pid!;
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => resolve((exit = { code, signal }))),
  );
  const waitForExit = (ms: number) =>
    Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), ms).unref())]);
  let stopping: Promise<Exit> | undefined;

  const server: AppServer = {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    pid,
    logFile,
    exited,
    isRunning: () => exit === undefined,
    signal: (signal) => {
      if (exit === undefined) child.kill(signal);
    },
    waitForExit,
    rssBytes: () => (exit === undefined ? readRss(pid) : 0),
    tail: (lines) => tailOf(logFile, lines),
    stop: () => {
      stopping ??= (async () => {
        if (exit) return exit;
        child.kill("SIGTERM");
        const done = await waitForExit(20_000);
        if (done) return done;
        child.kill("SIGKILL");
        return exited;
      })();
      return stopping;
    },
  };
  running.add(server);
  void exited.then(() => running.delete(server));

  const deadline = Date.now() + healthyWithinMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exit)
      throw new Error(
        `${options.name} exited (${JSON.stringify(exit)}) before it was healthy:\n${server.tail()}`,
      );
    try {
      const res = await fetch(`${server.url}/webhooks/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return server;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.stop();
  throw new Error(
    `${options.name} not healthy within ${healthyWithinMs / 1000} s (last: ${last}):\n${server.tail()}`,
  );
}

/** Stops every server still running (afterEach, afterAll), so no scenario leaves a process behind. */
export async function stopAllAppServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}
