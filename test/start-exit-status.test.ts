// npm start's exit status is the server's: a supervisor that restarts on failure must see a server killed
// by a signal (as the OOM killer does, with SIGKILL) as a failure, and a requested stop as a clean one.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exitStatusOf } from "../scripts/support/run-server";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const launcher = path.join(root, "test", "support", "run-server-child.ts");

/** Starts the stand-in launcher, waits for its server's pid, lets `act` hit it, returns how it ended. */
function launch(act: (pids: { launcher: number; server: number }) => void, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [tsxCli, launcher], {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let acted = false;
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const match = /SERVER PID (\d+)/.exec(stdout);
        if (match && !acted) {
          acted = true;
          act({ launcher: child.pid!, server: Number(match[1]) });
        }
      });
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
    },
  );
}

describe("npm start's exit status", () => {
  it("is 137 (128 + SIGKILL), not 0, when the server is killed with SIGKILL", async () => {
    const result = await launch(({ server }) => process.kill(server, "SIGKILL"));
    expect(result.signal).toBeNull();
    expect(result.code).toBe(137);
    expect(result.stderr).toContain("The server was killed by SIGKILL: exiting with status 137.");
  });

  it("is the server's own when a stop signal is forwarded to it and it exits by itself", async () => {
    const clean = await launch(({ launcher }) => process.kill(launcher, "SIGTERM"));
    expect(clean.code).toBe(0);
    const failed = await launch(({ launcher }) => process.kill(launcher, "SIGTERM"), { EXIT_CODE: "3" });
    expect(failed.code).toBe(3);
  });

  it("follows the shell's 128 + signal number convention", () => {
    expect(exitStatusOf(null, "SIGKILL")).toBe(137);
    expect(exitStatusOf(null, "SIGTERM")).toBe(143);
    expect(exitStatusOf(null, "SIGSEGV")).toBe(139);
    expect(exitStatusOf(0, null)).toBe(0);
    expect(exitStatusOf(2, null)).toBe(2);
  });
});
