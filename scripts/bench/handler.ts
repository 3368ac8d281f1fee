// Runs handler-child.ts (the ingest pipeline without Next.js and HTTP) on a fresh database and returns its
// figures: what ingest itself can do, to set against what the same requests achieve through next-server.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup";
import { serverEnv } from "./env";
import type { HandlerLevel } from "./handler-child";
import { say } from "./log";
import type { DbKind } from "./options";
import { createDatabase } from "./postgres";

export interface HandlerResult {
  db: DbKind;
  levels: HandlerLevel[];
  pool: number;
  used: number;
}

export async function runHandlerAlone(
  root: string,
  tmp: string,
  db: DbKind,
  seconds: number,
  levels: number[],
): Promise<HandlerResult> {
  const dataDir = path.join(tmp, `data-${db}-handler`);
  mkdirSync(dataDir, { recursive: true });
  const database = db === "postgres" ? await createDatabase("handler") : undefined;
  try {
    const env = serverEnv(root, { port: 3999, databaseUrl: database?.url, dataDir });
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "scripts", "bench", "handler-child.ts"),
        JSON.stringify({ seconds, levels }),
      ],
      {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const dispose = onCleanup(`stop handler child ${child.pid}`, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    await dispose();
    const line = out.split("\n").find((l) => l.startsWith("RESULT "));
    if (code !== 0 || !line) throw new Error(`handler-alone run failed (exit ${code})`);
    const parsed = JSON.parse(line.slice("RESULT ".length)) as {
      pool: number;
      used: number;
      results: HandlerLevel[];
    };
    say(`${db}: handler alone done (${parsed.used} of ${parsed.pool} callbacks used)`);
    return { db, levels: parsed.results, pool: parsed.pool, used: parsed.used };
  } finally {
    await database?.drop();
  }
}
