// A server a spec owns: started, stopped and started again by the spec itself on the build Playwright's
// servers already use (.next-e2e), with the configuration of test-env.ts and a data directory that outlives
// each start, so what was stored before a restart is there after it (the sessions too).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isolatedEnv } from "../../scripts/support/clean-env";
import { nextBin } from "../../scripts/support/production-build";
import { E2E_DIST_DIR, serverEnv, type ServerRole } from "./test-env";

export interface OwnServer {
  start(): Promise<void>;
  /** SIGTERM, as a deployment stops it: the app drains and ends its streams, then exits. */
  stop(): Promise<void>;
  /** Stops it if running and removes its data directory. */
  dispose(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export function ownServer(role: ServerRole, baseUrl: string): OwnServer {
  const root = process.cwd();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `signalboard-e2e-${role}-`));
  const config = serverEnv(role);
  const env: NodeJS.ProcessEnv = { ...isolatedEnv(root, E2E_DIST_DIR), ...config, DATA_DIR: dataDir };
  let child: ChildProcess | null = null;
  let output = "";

  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    const killer = setTimeout(() => running.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };

  return {
    async start() {
      output = "";
      const started = spawn(
        process.execPath,
        [nextBin(root), "start", "-p", config.PORT, "-H", "127.0.0.1"],
        {
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...env, NEXT_MANUAL_SIG_HANDLE: "true" },
        },
      );
      child = started;
      const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
      started.stdout!.on("data", keep);
      started.stderr!.on("data", keep);
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`${role} server exited:\n${output}`);
        const healthy = await fetch(`${baseUrl}/webhooks/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (healthy) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`${role} server not healthy after ${READY_TIMEOUT_MS} ms:\n${output}`);
    },
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
