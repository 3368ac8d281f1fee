// Graceful shutdown on the embedded database: writes in flight when SIGTERM arrives must commit, and only
// then is PGlite closed (an unclosed PGlite hangs the process; a closed-too-early one loses the write).
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const opened = vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
  return [] as { closed: boolean }[];
});

// Every database the runtime opens is recorded, to check that none is left open after a shutdown.
vi.mock("@/lib/db/open", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/open")>();
  return {
    ...actual,
    openDatabase: async (target: Parameters<typeof actual.openDatabase>[0]) => {
      const db = await actual.openDatabase(target);
      const record = { closed: false };
      opened.push(record);
      const close = db.close.bind(db);
      db.close = async () => {
        record.closed = true;
        await close();
      };
      return db;
    },
  };
});

import { applyMigrations } from "@/lib/db/migrate";
import { closeDatabase, DatabaseUnavailableError, getDatabaseState, startDatabase } from "@/lib/db/runtime";
import { openDatabase, type Database } from "@/lib/db/open";
import { reloadConfig } from "@/lib/env";
import { isShuttingDown, shutdown, trackWrite } from "@/lib/lifecycle";

const root = fileURLToPath(new URL("..", import.meta.url));
const tempDirs: string[] = [];
let template: string;

// Creating a PGlite data directory (initdb) takes seconds; copying a cleanly closed, migrated one is
// much faster. Each test still gets a data directory of its own on disk.
beforeAll(async () => {
  template = await mkdtemp(path.join(os.tmpdir(), "signalboard-shutdown-template-"));
  tempDirs.push(template);
  const db = await openDatabase({ dataDir: template, poolSize: 1 });
  try {
    await applyMigrations(db.sql);
  } finally {
    await db.close();
  }
});
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalboard-shutdown-"));
  tempDirs.push(dir);
  await cp(template, dir, { recursive: true });
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reopens a data directory the runtime let go of, and reads its messages back. */
async function readMessages(dataDir: string): Promise<{ recipient: string; campaign: string | null }[]> {
  const db = await openDatabase({ dataDir, poolSize: 1 });
  try {
    return await db.sql.withSession((s) =>
      s.query<{ recipient: string; campaign: string | null }>(
        `SELECT "recipient", "campaign" FROM "message" ORDER BY "recipient"`,
      ),
    );
  } finally {
    await db.close();
  }
}

describe("shutdown() in process", () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  let exitSpy: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    // Each test gets a fresh lifecycle (the module keeps it on globalThis, like the database runtime).
    delete (globalThis as { __signalboardLifecycle?: unknown }).__signalboardLifecycle;
    exitSpy = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`process.exit(${code}) called`);
    }) as typeof process.exit);
  });

  afterEach(async () => {
    exitSpy.mockRestore();
    await closeDatabase();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  async function startOn(dataDir: string): Promise<Database> {
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    reloadConfig();
    const db = await startDatabase();
    expect(db.kind).toBe("pglite");
    return db;
  }

  /** Wraps db.close so the test sees when the runtime closed the database, relative to the write. */
  function recordClose(db: Database, events: string[]): void {
    const close = db.close.bind(db);
    db.close = async () => {
      events.push("close");
      await close();
    };
  }

  /** A transaction that inserts one message and waits before committing, registered with trackWrite. */
  function slowWrite(db: Database, recipient: string, events: string[], waitMs = 300): Promise<void> {
    return trackWrite(
      db.sql
        .transaction(async (tx) => {
          await tx.query(`INSERT INTO "message" ("channel", "recipient") VALUES ('email', $1)`, [recipient]);
          await sleep(waitMs);
        })
        .then(() => {
          events.push("committed");
        }),
    );
  }

  it("waits for the in-flight write to commit, then closes PGlite, without exiting the process", async () => {
    const dataDir = await tempDataDir();
    const db = await startOn(dataDir);
    const events: string[] = [];
    recordClose(db, events);

    const write = slowWrite(db, "slow@example.com", events);
    const started = Date.now();
    await shutdown("SIGTERM");

    expect(events).toEqual(["committed", "close"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(write).resolves.toBeUndefined();
    expect(isShuttingDown()).toBe(true);
    expect(exitSpy).not.toHaveBeenCalled();
    // The runtime let go of the database, and the handle really is closed.
    expect(getDatabaseState().phase).toBe("starting");
    await expect(db.sql.withSession((s) => s.query("SELECT 1"))).rejects.toThrow();

    // The data directory is free again and holds the committed row.
    expect(await readMessages(dataDir)).toEqual([{ recipient: "slow@example.com", campaign: null }]);
  });

  it("a second signal during the drain waits for the same shutdown instead of finishing early", async () => {
    const dataDir = await tempDataDir();
    const db = await startOn(dataDir);
    const events: string[] = [];
    recordClose(db, events);

    void slowWrite(db, "twice@example.com", events, 400);
    const first = shutdown("SIGTERM").then(() => events.push("first shutdown done"));
    await sleep(50);
    const second = shutdown("SIGINT").then(() => events.push("second shutdown done"));
    await Promise.all([first, second]);

    expect(events.slice(0, 2)).toEqual(["committed", "close"]);
    expect(events.slice(2).sort()).toEqual(["first shutdown done", "second shutdown done"]);
    expect(exitSpy).not.toHaveBeenCalled();
    expect(await readMessages(dataDir)).toEqual([{ recipient: "twice@example.com", campaign: null }]);
  });
  it("a shutdown during start-up closes the database the start-up is still opening", async () => {
    const dataDir = await tempDataDir();
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    reloadConfig();
    const before = opened.length;

    const starting = startDatabase().then(
      () => "started",
      (error: unknown) => error,
    );
    await shutdown("SIGTERM");

    // Whatever the start-up opened is closed by the time shutdown returns (the process exits next)…
    expect(opened.slice(before).every((db) => db.closed)).toBe(true);
    // …and the start-up gives up instead of handing out a database, or retrying, after the shutdown.
    expect(await starting).toBeInstanceOf(DatabaseUnavailableError);
    expect(opened.length - before).toBe(1);
    expect(opened.slice(before).every((db) => db.closed)).toBe(true);
    expect(await readMessages(dataDir)).toEqual([]);
  });
});

describe("SIGTERM to a running process", () => {
  const childScript = path.join(root, "test", "support", "shutdown-child.ts");

  interface Run {
    code: number | null;
    signal: NodeJS.Signals | null;
    /** Milliseconds from the first signal to the exit. */
    exitMs: number;
    output: string;
  }

  /** Starts the child, waits for its marker, sends the signals (ms after the marker), waits for the exit. */
  function runChild(dataDir: string, signals: [NodeJS.Signals, number][], rows = 5): Promise<Run> {
    const childEnv: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      ROWS: String(rows),
      SLOW_WRITE_MS: "800",
    };
    return new Promise((resolve, reject) => {
      // `--import tsx`, not the tsx CLI: the CLI relays signals through a parent process that kills a
      // child too busy to confirm the signal within 30 ms (a loaded machine), exiting 143.
      const child = spawn(process.execPath, ["--import", "tsx", childScript], {
        cwd: root,
        // Only what the child needs: no DATABASE_URL, so it runs on PGlite in dataDir.
        env: childEnv as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      let signalledAt = 0;
      // Never leave a stuck child behind: a hang fails the test instead of the whole run.
      const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        const before = output;
        output += chunk.toString();
        if (
          !before.split("\n").includes("SHUTDOWN-CHILD READY") &&
          output.split("\n").includes("SHUTDOWN-CHILD READY")
        ) {
          signalledAt = Date.now();
          for (const [signal, delay] of signals) setTimeout(() => child.kill(signal), delay);
        }
      });
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        clearTimeout(guard);
        resolve({ code, signal, exitMs: signalledAt ? Date.now() - signalledAt : -1, output });
      });
    });
  }

  it("exits 0 within a few seconds of SIGTERM, after committing the write in flight", async () => {
    const dataDir = await tempDataDir();
    const run = await runChild(dataDir, [["SIGTERM", 0]]);

    expect(run.exitMs, run.output).toBeGreaterThanOrEqual(0);
    expect({ code: run.code, signal: run.signal }, run.output).toEqual({ code: 0, signal: null });
    expect(run.exitMs, run.output).toBeLessThan(5_000);
    const rows = await readMessages(dataDir);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.campaign === "shutdown-child")).toBe(true);
    expect(rows.map((r) => r.recipient)).toContain("in-flight@example.com");
  });

  it("still drains and closes when SIGINT follows SIGTERM (Ctrl-C reaching the server twice)", async () => {
    const dataDir = await tempDataDir();
    const run = await runChild(
      dataDir,
      [
        ["SIGTERM", 0],
        ["SIGINT", 150],
      ],
      2,
    );

    expect({ code: run.code, signal: run.signal }, run.output).toEqual({ code: 0, signal: null });
    expect(run.exitMs, run.output).toBeLessThan(5_000);
    expect((await readMessages(dataDir)).map((r) => r.recipient)).toEqual([
      "+14155550000",
      "+14155550001",
      "in-flight@example.com",
    ]);
  });
});
