// A PostgreSQL server of the test's own: initdb into a temporary directory, on its own port, listening on
// 127.0.0.1 only, so a scenario may stop it, crash it (immediate shutdown) or freeze it without touching
// anybody's shared server. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** The directory of initdb and postgres: `pg_config --bindir`, else Debian's PostgreSQL 15. */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config on PATH
  }
  candidates.push("/usr/lib/postgresql/15/bin");
  return (
    candidates.find(
      (dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "postgres")),
    ) ?? null
  );
}

/** uid/gid to run PostgreSQL as: the `postgres` user when we are root, else ourselves. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** Pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; field 2 (the name) may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export interface PrivatePostgres {
  port: number;
  /** postgresql:// URL of a database on this server. */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** Starts the server (again) and waits until it accepts connections; after a crash this is crash recovery. */
  start(): Promise<void>;
  /** Fast shutdown (SIGINT): sessions are terminated, the server exits cleanly. */
  stop(): Promise<void>;
  /** Immediate shutdown (SIGQUIT, as `pg_ctl stop -m immediate`): no checkpoint; the next start recovers. */
  crash(): Promise<void>;
  /** SIGSTOP / SIGCONT to every process of the server: connections stay open and nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Log of the server, for a failure message. */
  tail(lines?: number): string;
  /** Kills the server and deletes its directory. */
  destroy(): Promise<void>;
}

export async function createPrivatePostgres(port: number, bin: string): Promise<PrivatePostgres> {
  const base = mkdtempSync(path.join(os.tmpdir(), `signalboard-chaos-pg${port}-`));
  const dataDir = path.join(base, "data");
  const logFile = path.join(base, "postgres.log");
  const user = runAs();
  if (user.uid !== undefined) chownSync(base, user.uid, user.gid!);
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: base,
    LANG: "C",
    LC_ALL: "C",
    NODE_ENV: "production",
  } satisfies NodeJS.ProcessEnv;
  const init = spawnSync(
    path.join(bin, "initdb"),
    ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    { cwd: base, env, encoding: "utf8", ...user },
  );
  if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}):\n${init.stderr}`);

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;

  const waitAccepting = async (ms = 30_000) => {
    const deadline = Date.now() + ms;
    let last = "";
    while (Date.now() < deadline) {
      const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        await client.query("SELECT 1");
        return;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      } finally {
        await client.end().catch(() => undefined);
      }
      if (!child || child.exitCode !== null) throw new Error(`postgres exited:\n${tail()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`postgres on ${port} not accepting connections within ${ms} ms (${last}):\n${tail()}`);
  };
  const tail = (lines = 30) =>
    existsSync(logFile) ? readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "";
  // Backends put themselves in process groups of their own, so "every process of the server" is the
  // postmaster and its children, found through /proc; the postmaster first, so it forks no new one meanwhile.
  const signalGroup = (signal: NodeJS.Signals) => {
    const pid = child?.pid;
    if (!pid || child!.exitCode !== null || child!.signalCode !== null) return;
    for (const target of [pid, ...childrenOf(pid)]) {
      try {
        process.kill(target, signal);
      } catch {
        // exited meanwhile
      }
    }
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    signalGroup("SIGCONT");
    child.kill(signal);
    await exited;
  };

  const server: PrivatePostgres = {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async start() {
      mkdirSync(base, { recursive: true });
      const out = openSync(logFile, "a");
      const started = spawn(
        path.join(bin, "postgres"),
        [
          "-D",
          dataDir,
          "-p",
          String(port),
          "-c",
          "listen_addresses=127.0.0.1",
          "-c",
          "unix_socket_directories=",
          "-c",
          "max_connections=60",
          "-c",
          "shared_buffers=32MB",
        ],
        { cwd: base, env, stdio: ["ignore", out, out], ...user },
      );
      closeSync(out);
      child = started;
      exited = new Promise((resolve) => started.once("exit", () => resolve()));
      await waitAccepting();
    },
    stop: () => stopWith("SIGINT"),
    crash: () => stopWith("SIGQUIT"),
    freeze: () => signalGroup("SIGSTOP"),
    thaw: () => signalGroup("SIGCONT"),
    tail,
    async destroy() {
      signalGroup("SIGCONT");
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill("SIGQUIT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        signalGroup("SIGKILL");
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
