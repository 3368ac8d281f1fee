// Before any scenario: the production build the servers run (built only when stale; the end-to-end tests
// share it), and one migrated embedded database that each scenario copies instead of paying for initdb and
// the migrations at every start. So no scenario's time budget pays for either.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { isolatedEnv } from "../../../scripts/support/clean-env";
import { ensureProductionBuild } from "../../../scripts/support/production-build";
import { E2E_DIST_DIR } from "../../../e2e/support/test-env";
import { ROOT } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A data directory holding a cleanly closed, migrated embedded database (its `pglite` folder). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  await ensureProductionBuild({
    root: ROOT,
    distDirName: E2E_DIST_DIR,
    env: isolatedEnv(ROOT, E2E_DIST_DIR),
    say: (line) => process.stderr.write(`[chaos] ${line}\n`),
    buildNote: " (the sources changed since the last build)",
  });
  const template = mkdtempSync(path.join(os.tmpdir(), "signalboard-chaos-template-"));
  const db = await openDatabase({ dataDir: template, poolSize: 1 });
  try {
    await applyMigrations(db.sql);
  } finally {
    await db.close();
  }
  project.provide("pgliteTemplate", template);
  return () => rmSync(template, { recursive: true, force: true });
}
