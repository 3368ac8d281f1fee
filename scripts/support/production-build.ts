// Builds the production server into a launcher's own dist dir (.next-e2e, .next-bench) only when that build is
// stale — the same build stamp as `npm start` — under a lock so two runs in one checkout never build into it at
// once, and without leaving the checkout modified. Used by e2e/support/start-server.ts and scripts/bench.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { computeBuildStamp, isBuildCurrent, stampFile } from "../build-stamp";

/** The Next.js CLI of the checkout, run with this Node (`node <nextBin> build|start`). */
export function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

export interface ProductionBuildOptions {
  root: string;
  /** The dist dir relative to root, as NEXT_DIST_DIR in `env` says. */
  distDirName: string;
  /** The environment of `prisma generate` and `next build`. */
  env: NodeJS.ProcessEnv;
  /** Progress, with the launcher's prefix. */
  say: (line: string) => void;
  /** Said after "building into <dist dir>", e.g. " (why)". */
  buildNote?: string;
  /**
   * When set, a stale build that exists is used anyway, saying this line: for a second server of the same run,
   * which must not rebuild under the first one's feet because a source file changed in between.
   */
  useExistingStale?: string;
}

export interface BuildInfo {
  distDir: string;
  built: boolean;
  seconds: number;
  /** First 12 hex digits of the build stamp (the hash of the sources the build was made from). */
  stamp: string;
}

/** A step of the build exited non-zero (its output went to stderr). */
export class BuildStepFailed extends Error {
  readonly step: "prisma generate" | "next build";
  readonly status: number | null;

  constructor(step: BuildStepFailed["step"], status: number | null) {
    super(step === "next build" ? `next build failed (exit ${status}); see above` : "prisma generate failed");
    this.step = step;
    this.status = status;
  }
}

/**
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include and points next-env.d.ts at its own dist
 * dir; for a launcher's dist dir that would leave the checkout modified. Put both back afterwards —
 * tsconfig.json only when Next's include entries are the sole change, so nobody's concurrent edit is ever undone.
 */
function keepProjectFiles<T>({ root, distDirName, say }: ProductionBuildOptions, work: () => T): T {
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
        const ours = new RegExp(`^${distDirName.replace(".", "\\.")}/`);
        const after = JSON.parse(tsconfigAfter) as { include?: string[] };
        after.include = after.include?.filter((entry) => !ours.test(entry));
        if (JSON.stringify(after) === JSON.stringify(JSON.parse(tsconfigBefore)))
          writeFileSync(tsconfigPath, tsconfigBefore);
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

/** `<distDir>.lock` held while `work` runs; a dead owner's lock is taken over. */
async function withBuildLock<T>(
  { distDirName, say }: ProductionBuildOptions,
  distDir: string,
  work: () => T,
): Promise<T> {
  const lock = `${distDir}.lock`;
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const pidFile = path.join(lock, "pid");
      const owner = Number(existsSync(pidFile) ? readFileSync(pidFile, "utf8") : NaN);
      if (!isAlive(owner) && waited >= 1_000) rmSync(lock, { recursive: true, force: true });
      else if (waited % 10_000 === 0) say(`waiting for another build of ${distDirName} (pid ${owner})…`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The stamp a build was made from, if it has one. */
function storedStamp(distDir: string): string {
  const file = stampFile(distDir);
  return existsSync(file) ? readFileSync(file, "utf8").trim().slice(0, 12) : "";
}

/** Builds into the dist dir unless that build is current; throws BuildStepFailed when a step fails. */
export async function ensureProductionBuild(options: ProductionBuildOptions): Promise<BuildInfo> {
  const { root, distDirName, env, say } = options;
  const distDir = path.join(root, distDirName);
  return withBuildLock(options, distDir, () => {
    if (isBuildCurrent(root, distDir)) {
      say(`${distDirName} is current: no build`);
      return { distDir, built: false, seconds: 0, stamp: storedStamp(distDir) };
    }
    if (options.useExistingStale !== undefined && existsSync(path.join(distDir, "BUILD_ID"))) {
      say(options.useExistingStale);
      return { distDir, built: false, seconds: 0, stamp: storedStamp(distDir) };
    }
    if (!existsSync(path.join(root, "lib", "generated", "prisma"))) {
      say("generating the Prisma client");
      const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], {
        cwd: root,
        stdio: ["ignore", 2, 2],
        env,
      });
      if (gen.status !== 0) throw new BuildStepFailed("prisma generate", gen.status);
    }
    const stamp = computeBuildStamp(root); // before the build: an edit made during it leaves the build stale
    say(`building into ${distDirName}${options.buildNote ?? ""}…`);
    const started = Date.now();
    const build = keepProjectFiles(options, () =>
      spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, stdio: ["ignore", 2, 2], env }),
    );
    if (build.status !== 0) throw new BuildStepFailed("next build", build.status);
    writeFileSync(stampFile(distDir), stamp);
    const seconds = (Date.now() - started) / 1000;
    say(`built in ${seconds.toFixed(1)} s`);
    return { distDir, built: true, seconds, stamp: stamp.slice(0, 12) };
  });
}
