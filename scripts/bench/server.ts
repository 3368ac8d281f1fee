// One production server (`next start` of the .next-bench build) with a clean environment, on 127.0.0.1.
// Started as `node node_modules/next/dist/bin/next start` so the child IS next-server: SIGTERM reaches our
// shutdown handler (drain writes, close the database) and the port is free once the child has exited.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { onCleanup } from "./cleanup";
import { serverEnv } from "./env";
import { say } from "./log";

export interface StartOptions {
  root: string;
  /** A short label for logs: "pglite", "pg-a", … */
  name: string;
  /** postgresql://… ; undefined runs on embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Where next-server's stdout/stderr go. */
  logDir: string;
  /** Run next-server under `node --cpu-prof` and write the profile here at exit. */
  cpuProfDir?: string;
}

export interface BenchServer {
  name: string;
  port: number;
  url: string;
  pid: number;
  logFile: string;
  /** SIGTERM, then wait for the exit (SIGKILL after 30 s). Idempotent. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "(no output)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

async function waitHealthy(
  url: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exited(child))
      throw new Error(`server exited (code ${child.exitCode}) before it was healthy:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/webhooks/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `${res.status} ${(await res.text()).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy within ${timeoutMs / 1000} s (last: ${last}):\n${tail(logFile)}`);
}

export async function startServer(options: StartOptions): Promise<BenchServer> {
  const { root, name } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(options.logDir, `${name}-${port}.log`);
  const out = openSync(logFile, "a");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const nodeArgs = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      stdio: ["ignore", out, out],
      env: serverEnv(root, { port, databaseUrl: options.databaseUrl, dataDir: options.dataDir }),
    },
  );
  closeSync(out);
  const pid = child.pid!;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exited(child)) return;
      child.kill("SIGTERM");
      if (await waitForExit(child, 30_000)) return;
      say(`${name}: next-server (pid ${pid}) did not exit 30 s after SIGTERM: SIGKILL`);
      child.kill("SIGKILL");
      await waitForExit(child, 5_000);
    })();
    return stopping;
  };
  const dispose = onCleanup(`stop server ${name} (pid ${pid})`, stop);

  const started = Date.now();
  try {
    await waitHealthy(url, child, logFile);
  } catch (error) {
    await dispose();
    throw error;
  }
  say(
    `${name}: next-server pid ${pid} healthy on ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { name, port, url, pid, logFile, stop: dispose };
}
