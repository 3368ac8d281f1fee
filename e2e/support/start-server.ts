// Starts one end-to-end server (playwright.config.ts webServer): builds into .next-e2e only when that build is
// stale (the same stamp as `npm start`), then runs the production server on the role's port with a fresh
// temporary DATA_DIR and the configuration of test-env.ts — and nothing else of Signalboard's configuration.
//
//   node --import tsx e2e/support/start-server.ts healthy|database-down|fresh|empty|replay
// With E2E_DATA_DIR set, that directory is used and kept (the replay spec restarts its server on it).
// The fresh server's output is also written to FRESH_LOG_FILE: its spec reads the setup link from there.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isolatedEnv } from "../../scripts/support/clean-env";
import { BuildStepFailed, ensureProductionBuild, nextBin } from "../../scripts/support/production-build";
import { E2E_DIST_DIR, FRESH_LOG_FILE, serverEnv, type ServerRole } from "./test-env";

const role = process.argv[2] as ServerRole;
if (!["healthy", "database-down", "fresh", "empty", "replay"].includes(role)) {
  console.error("usage: start-server.ts healthy|database-down|fresh|empty|replay");
  process.exit(2);
}
const root = process.cwd();
const say = (line: string) => process.stderr.write(`[e2e ${role}] ${line}\n`);

/**
 * The environment of the build and the server: ours, plus every other Signalboard variable and every
 * .env-file variable set to "" (the same isolation as the bench's).
 */
function serverProcessEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...isolatedEnv(root, E2E_DIST_DIR), ...serverEnv(role), DATA_DIR: dataDir };
}

async function main(): Promise<void> {
  const givenDataDir = process.env.E2E_DATA_DIR;
  const dataDir = givenDataDir || mkdtempSync(path.join(os.tmpdir(), `signalboard-e2e-${role}-`));
  const env = serverProcessEnv(dataDir);
  const removeDataDir = () => {
    if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await ensureProductionBuild({
      root,
      distDirName: E2E_DIST_DIR,
      env,
      say,
      // Playwright starts the healthy server first, and it has just built: the second server of the same run
      // must not rebuild under the first one's feet because a source file changed in between.
      useExistingStale:
        role !== "healthy"
          ? `${E2E_DIST_DIR} exists: using it as the healthy server does (sources changed since it was built)`
          : undefined,
    });
  } catch (error) {
    if (!(error instanceof BuildStepFailed)) throw error;
    if (error.step === "next build") say("next build failed; see above");
    removeDataDir();
    process.exit(error.status ?? 1);
  }

  say(
    `next start on port ${env.PORT}, DATA_DIR ${dataDir}${env.DATABASE_URL ? `, DATABASE_URL ${env.DATABASE_URL}` : ""}`,
  );
  // The app's instrumentation handles SIGTERM/SIGINT itself: it drains writes and closes PGlite.
  const server = spawn(
    process.execPath,
    [nextBin(root), "start", "-p", String(env.PORT), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", role === "fresh" ? "pipe" : "inherit", "inherit"],
      env: { ...env, NEXT_MANUAL_SIG_HANDLE: "true" },
    },
  );
  if (role === "fresh" && server.stdout) {
    mkdirSync(path.dirname(FRESH_LOG_FILE), { recursive: true });
    const log = createWriteStream(FRESH_LOG_FILE, { flags: "w" });
    server.stdout.pipe(log);
    server.stdout.pipe(process.stdout);
  }
  // Playwright and Ctrl-C signal the whole process group, so next-server usually has the signal already: a
  // second one would cut its shutdown short (its handler is process.once). Pass it on only if it is still
  // running a few seconds later (someone signalled this process alone).
  let signalled = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      setTimeout(() => server.kill(signal), 4_000).unref();
    });
  }
  server.on("exit", (code, signal) => {
    removeDataDir();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

void main();
