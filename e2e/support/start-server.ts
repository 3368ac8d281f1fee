// Starts one end-to-end server (playwright.config.ts webServer): builds into .next-e2e only when that build is
// stale (the same stamp as `npm start`), then runs the production server on the role's port with a fresh
// temporary DATA_DIR and the configuration of test-env.ts — and nothing else of Signalboard's configuration.
//
//   node --import tsx e2e/support/start-server.ts healthy|database-down
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { envSchema } from "../../lib/config/schema";
import { computeBuildStamp, isBuildCurrent, stampFile } from "../../scripts/build-stamp";
import { E2E_DIST_DIR, serverEnv, type ServerRole } from "./test-env";

const role = process.argv[2] as ServerRole;
if (role !== "healthy" && role !== "database-down") {
  console.error("usage: start-server.ts healthy|database-down");
  process.exit(2);
}
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const distDir = path.join(root, E2E_DIST_DIR);
const say = (line: string) => process.stderr.write(`[e2e ${role}] ${line}\n`);

/** Variable names set in the .env files `next start` would load (it never overrides a variable already set). */
function envFileKeys(): string[] {
  const keys: string[] = [];
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    for (const match of readFileSync(full, "utf8").matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)) {
      keys.push(match[1]);
    }
  }
  return keys;
}

/**
 * The environment of the build and the server: ours, plus every other Signalboard variable and every
 * .env-file variable set to "" (which the config reads as unset, and which stops Next.js loading the file's value).
 */
function isolatedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [...Object.keys(envSchema.shape), ...envFileKeys()]) env[key] = "";
  return {
    ...env,
    ...serverEnv(role),
    DATA_DIR: dataDir,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/**
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include and points next-env.d.ts at its own dist
 * dir; for .next-e2e that would leave the checkout modified. Put both back afterwards — tsconfig.json only
 * when Next's include entries are the sole change, so nobody's concurrent edit is ever undone.
 */
function keepProjectFiles<T>(work: () => T): T {
  const tsconfigPath = path.join(root, "tsconfig.json");
  const nextEnvPath = path.join(root, "next-env.d.ts");
  const tsconfigBefore = existsSync(tsconfigPath) ? readFileSync(tsconfigPath, "utf8") : undefined;
  const nextEnvBefore = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, "utf8") : undefined;
  try {
    return work();
  } finally {
    if (nextEnvBefore !== undefined) writeFileSync(nextEnvPath, nextEnvBefore);
    const tsconfigAfter = existsSync(tsconfigPath) ? readFileSync(tsconfigPath, "utf8") : undefined;
    if (tsconfigBefore !== undefined && tsconfigAfter !== undefined && tsconfigAfter !== tsconfigBefore) {
      try {
        const ours = new RegExp(`^${E2E_DIST_DIR.replace(".", "\\.")}/`);
        const after = JSON.parse(tsconfigAfter) as { include?: string[] };
        after.include = after.include?.filter((entry) => !ours.test(entry));
        if (JSON.stringify(after) === JSON.stringify(JSON.parse(tsconfigBefore))) {
          writeFileSync(tsconfigPath, tsconfigBefore);
        } else {
          say("tsconfig.json changed during the build beyond Next's include entries: left as it is");
        }
      } catch {
        say("tsconfig.json could not be compared after the build: left as it is");
      }
    }
  }
}

/** A lock so two runs in one checkout never build into .next-e2e at once; a dead owner's lock is taken over. */
async function withBuildLock<T>(work: () => T): Promise<T> {
  const lock = `${distDir}.lock`;
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const owner = Number(existsSync(path.join(lock, "pid")) ? readFileSync(path.join(lock, "pid"), "utf8") : NaN);
      let alive = true;
      try {
        process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (!alive && waited >= 1_000) rmSync(lock, { recursive: true, force: true });
      else if (waited % 10_000 === 0) say(`waiting for another build of ${E2E_DIST_DIR} (pid ${owner})…`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `signalboard-e2e-${role}-`));
  const env = isolatedEnv(dataDir);
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });

  await withBuildLock(() => {
    if (isBuildCurrent(root, distDir)) {
      say(`${E2E_DIST_DIR} is current: no build`);
      return;
    }
    // Playwright starts the healthy server first, and it has just built: the second server of the same run
    // must not rebuild under the first one's feet because a source file changed in between.
    if (role === "database-down" && existsSync(path.join(distDir, "BUILD_ID"))) {
      say(`${E2E_DIST_DIR} exists: using it as the healthy server does (sources changed since it was built)`);
      return;
    }
    if (!existsSync(path.join(root, "lib", "generated", "prisma"))) {
      say("generating the Prisma client");
      const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: ["ignore", 2, 2], env });
      if (gen.status !== 0) process.exit(gen.status ?? 1);
    }
    const stamp = computeBuildStamp(root); // before the build: an edit made during it leaves the build stale
    say(`building into ${E2E_DIST_DIR}…`);
    const started = Date.now();
    const build = keepProjectFiles(() =>
      spawnSync(process.execPath, [nextBin, "build"], { stdio: ["ignore", 2, 2], env }),
    );
    if (build.status !== 0) {
      say("next build failed; see above");
      removeDataDir();
      process.exit(build.status ?? 1);
    }
    writeFileSync(stampFile(distDir), stamp);
    say(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  say(`next start on port ${env.PORT}, DATA_DIR ${dataDir}${env.DATABASE_URL ? `, DATABASE_URL ${env.DATABASE_URL}` : ""}`);
  // The app's instrumentation handles SIGTERM/SIGINT itself: it drains writes and closes PGlite.
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(env.PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, NEXT_MANUAL_SIG_HANDLE: "true" },
  });
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
