// Starts test/support/webhook-server-child.ts in its own process on the embedded database in a fresh
// data directory, and waits until it serves. For tests that need a real socket, a signal or an exit.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PUBLIC_BASE_URL, TEST_RESEND_WEBHOOK_SECRET, TEST_TWILIO_AUTH_TOKEN } from "./webhook-requests";

const root = fileURLToPath(new URL("../..", import.meta.url));
const childScript = path.join(root, "test", "support", "webhook-server-child.ts");

export interface WebhookServerChild {
  child: ChildProcessWithoutNullStreams;
  dataDir: string;
  /** Everything the child wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; at: number }>;
}

export async function startWebhookServerChild(
  port: number,
  env: Record<string, string> = {},
): Promise<WebhookServerChild> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "signalboard-child-"));
  // `--import tsx`, not the tsx CLI: the CLI relays signals through a parent process that kills a child
  // too busy to confirm a signal within 30 ms.
  const child = spawn(process.execPath, ["--import", "tsx", childScript], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN,
      RESEND_WEBHOOK_SECRET: TEST_RESEND_WEBHOOK_SECRET,
      WEBHOOK_BASE_URL: PUBLIC_BASE_URL,
      WEBHOOK_LOG_LEVEL: "warn",
      ...env,
    } as Record<string, string | undefined> as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: Date.now() })),
  );
  // Never leave a stuck child behind: a hang fails the test instead of the whole run.
  const guard = setTimeout(() => child.kill("SIGKILL"), 90_000);
  void exited.then(() => clearTimeout(guard));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("WEBHOOK-SERVER-CHILD READY")) resolve();
    });
    void exited.then(() => reject(new Error(`the server exited before it was ready:\n${output}`)));
  });
  return { child, dataDir, output: () => output, exited };
}
