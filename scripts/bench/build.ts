// Builds the production server into .next-bench when that build is stale (the same build stamp as
// `npm start` and the end-to-end tests), under a lock so two bench runs never build into it at once.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { computeBuildStamp, isBuildCurrent, stampFile } from "../build-stamp";
import { BENCH_DIST_DIR, cleanEnv } from "./env";
import { say } from "./log";

export interface BuildInfo {
  distDir: string;
  built: boolean;
  seconds: number;
  /** First 12 hex digits of the build stamp (the hash of the sources the build was made from). */
  stamp: string;
}

/**
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include and points next-env.d.ts at its own dist
 * dir; for .next-bench that would leave the checkout modified. Put both back afterwards — tsconfig.json only
 * when Next's include entries are the sole change, so nobody's concurrent edit is ever undone.
 */
function keepProjectFiles<T>(root: string, work: () => T): T {
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
        const ours = new RegExp(`^${BENCH_DIST_DIR.replace(".", "\\.")}/`);
        const after = JSON.parse(tsconfigAfter) as { include?: string[] };
        after.include = after.include?.filter((entry) => !ours.test(entry));
        if (JSON.stringify(after) === JSON.stringify(JSON.parse(tsconfigBefore))) writeFileSync(tsconfigPath, tsconfigBefore);
        else say("tsconfig.json changed during the build beyond Next's include entries: left as it is");
      } catch {
        say("tsconfig.json could not be compared after the build: left as it is");
      }
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withLock<T>(lock: string, work: () => T): Promise<T> {
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const pidFile = path.join(lock, "pid");
      const owner = Number(existsSync(pidFile) ? readFileSync(pidFile, "utf8") : NaN);
      if (!isAlive(owner) && waited >= 1_000) rmSync(lock, { recursive: true, force: true });
      else if (waited % 10_000 === 0) say(`waiting for another build of ${BENCH_DIST_DIR} (pid ${owner})…`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureBuild(root: string): Promise<BuildInfo> {
  const distDir = path.join(root, BENCH_DIST_DIR);
  const env = cleanEnv(root);
  return withLock(`${distDir}.lock`, () => {
    if (isBuildCurrent(root, distDir)) {
      const stamp = readFileSync(stampFile(distDir), "utf8").trim();
      say(`${BENCH_DIST_DIR} is current: no build`);
      return { distDir, built: false, seconds: 0, stamp: stamp.slice(0, 12) };
    }
    if (!existsSync(path.join(root, "lib", "generated", "prisma"))) {
      say("generating the Prisma client");
      const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { cwd: root, stdio: ["ignore", 2, 2], env });
      if (gen.status !== 0) throw new Error("prisma generate failed");
    }
    const stamp = computeBuildStamp(root); // before the build: an edit made during it leaves the build stale
    say(`building into ${BENCH_DIST_DIR} (the sources changed since the last bench build)…`);
    const started = Date.now();
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    const build = keepProjectFiles(root, () =>
      spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", 2, 2], env }),
    );
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status}); see above`);
    writeFileSync(stampFile(distDir), stamp);
    const seconds = (Date.now() - started) / 1000;
    say(`built in ${seconds.toFixed(1)} s`);
    return { distDir, built: true, seconds, stamp: stamp.slice(0, 12) };
  });
}
