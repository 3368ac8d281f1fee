// PostgreSQL unreachable at start, or lost while serving: the service must start anyway, say "unhealthy",
// and recover by itself when the database returns — no restart. The outage is simulated with a TCP proxy
// in front of the real server (test/support/tcp-proxy.ts), so the shared PostgreSQL keeps running.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The retry loop logs an error every 2 s while the database is down: keep the test output readable.
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { isConnectionError } from "@/lib/db/unavailable-error";
import {
  closeDatabase,
  DatabaseUnavailableError,
  getDatabase,
  getDatabaseState,
  startDatabase,
} from "@/lib/db/runtime";
import type { Database } from "@/lib/db/open";
import { reloadConfig } from "@/lib/env";
import { getHealth } from "@/lib/health";
import { createEmptyPostgresDatabase } from "./support/databases";
import { createTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("database recovery (PostgreSQL behind a proxy)", () => {
  let proxy: TcpProxy;
  let database: { url: string; drop(): Promise<void> };
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    const real = new URL(serverUrl!);
    proxy = await createTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    database = await createEmptyPostgresDatabase();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    process.env.DATABASE_URL = viaProxy.toString();
    reloadConfig();
  });

  afterAll(async () => {
    await closeDatabase();
    await proxy?.stop();
    await database?.drop();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });

  it("starts with the database down, reports unhealthy, and recovers when the database returns", async () => {
    expect(proxy.listening).toBe(false);
    let started: Database | undefined;
    void startDatabase().then((db) => (started = db));

    await vi.waitFor(
      async () => {
        const health = await getHealth();
        expect(health.status).toBe("unhealthy");
        expect(health.database.status).toBe("down");
        // The public health check names no host and no error text.
        expect(health.database).toEqual({ status: "down", latencyMs: null });
        expect(getDatabaseState()).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED|connect/i) });
      },
      { timeout: 5_000, interval: 50 },
    );
    expect(getDatabaseState().phase).toBe("unavailable");
    // Requests meanwhile get a quick "unavailable" (503), not a hang.
    await expect(getDatabase(200)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(started).toBeUndefined();

    await proxy.start();
    // Nothing is called: the runtime's own retry (every 2 s) must find the database.
    await vi.waitFor(
      async () => {
        const health = await getHealth();
        expect(health.database.status).toBe("up");
        expect(health.status).toBe("healthy");
      },
      { timeout: 8_000, interval: 100 },
    );
    expect(started).toBeDefined();
    expect(getDatabaseState().phase).toBe("ready");
    // It migrated on recovery, and Prisma works through the same pool.
    const db = await getDatabase(1_000);
    expect(db).toBe(started);
    expect(await db.prisma.message.count()).toBe(0);
  });

  it("turns unhealthy when the database goes away while serving, and healthy again when it returns", async () => {
    expect((await getHealth()).status).toBe("healthy");

    await proxy.stop();
    await vi.waitFor(
      async () => {
        const health = await getHealth();
        expect(health.status).toBe("unhealthy");
        expect(health.database.status).toBe("down");
      },
      { timeout: 6_000, interval: 100 },
    );

    await proxy.start();
    await vi.waitFor(
      async () => {
        expect((await getHealth()).status).toBe("healthy");
      },
      { timeout: 6_000, interval: 100 },
    );
    // The pool dropped its dead connections: queries work again without a restart.
    const db = await getDatabase(1_000);
    await db.prisma.message.create({ data: { channel: "email", recipient: "ada@example.com" } });
    expect(await db.prisma.message.count()).toBe(1);
  });

  // A pooled connection dropping mid-query makes pg emit 'error' on the checked-out client: without a
  // listener that is an uncaught exception, which would take the whole server down with the database.
  it("fails a query in flight when the connection drops, without crashing the process", async () => {
    const db = await getDatabase(1_000);
    const inFlight = [
      db.sql.withSession((s) => s.query("SELECT pg_sleep(5)")),
      db.sql.transaction((s) => s.query("SELECT pg_sleep(5)")),
    ].map((p) =>
      p.then(
        () => "answered",
        (error: unknown) => error,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    await proxy.stop();
    const outcomes = await Promise.all(inFlight);
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(Error);
      expect(isConnectionError(outcome)).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getHealth()).status).toBe("unhealthy");

    await proxy.start();
    await vi.waitFor(
      async () => {
        expect((await getHealth()).status).toBe("healthy");
      },
      { timeout: 6_000, interval: 100 },
    );
    expect(await db.prisma.message.count()).toBe(1);
  });
});
