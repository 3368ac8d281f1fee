// The two databases every scenario runs on: the embedded database (a fresh data directory) and PostgreSQL
// (a fresh database on the scenario file's private server). A scenario file owns its private server.
import { cpSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";
import { tempDataDir } from "./app-server";
import { createPrivatePostgres, findPostgresBin, type PrivatePostgres } from "./private-postgres";
import { postgresPort } from "./ports";
import type { DatabaseRef } from "./stored";

export type TargetName = "pglite" | "postgres";
export const TARGETS: TargetName[] = ["pglite", "postgres"];

/** Why PostgreSQL scenarios cannot run here, or null when they can. In CI they must: it is then an error. */
export function postgresUnavailable(): string | null {
  if (findPostgresBin()) return null;
  const reason = "no PostgreSQL server binaries (pg_config --bindir, /usr/lib/postgresql/15/bin)";
  if (process.env.CI) throw new Error(`${reason}: the chaos suite needs them in CI`);
  return reason;
}

export interface PostgresHolder {
  server(): Promise<PrivatePostgres>;
  destroy(): Promise<void>;
}

/** The file's private PostgreSQL server on port CHAOS_PG_PORT + index, started on first use. */
export function privatePostgres(index: number): PostgresHolder {
  let started: Promise<PrivatePostgres> | undefined;
  return {
    server: () => (started ??= createPrivatePostgres(postgresPort(index), findPostgresBin()!)),
    destroy: async () => {
      if (started) await (await started).destroy();
    },
  };
}

export interface ChaosDatabase extends DatabaseRef {
  cleanup(): void;
}

/** A fresh database of the target: its own data directory, or its own database on the private server. */
export async function freshDatabase(
  target: TargetName,
  label: string,
  postgres: PostgresHolder,
): Promise<ChaosDatabase> {
  const dataDir = tempDataDir(label);
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  if (target === "pglite") {
    cpSync(path.join(inject("pgliteTemplate"), "pglite"), path.join(dataDir, "pglite"), { recursive: true });
    return { dataDir, cleanup };
  }
  const name = `chaos_${label.replace(/\W/g, "_")}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = await (await postgres.server()).createDatabase(name);
  return { dataDir, databaseUrl, cleanup };
}
