// Builds the production server into .next-bench when that build is stale (the same build stamp as
// `npm start` and the end-to-end tests), under a lock so two bench runs never build into it at once.
import { ensureProductionBuild, type BuildInfo } from "../support/production-build";
import { BENCH_DIST_DIR, cleanEnv } from "./env";
import { say } from "./log";

export type { BuildInfo };

/** Throws (BuildStepFailed) when prisma generate or next build fails; their output went to stderr. */
export function ensureBuild(root: string): Promise<BuildInfo> {
  return ensureProductionBuild({
    root,
    distDirName: BENCH_DIST_DIR,
    env: cleanEnv(root),
    say,
    buildNote: " (the sources changed since the last bench build)",
  });
}
