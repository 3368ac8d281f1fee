// Which errors mean "the database cannot take the write now" (answered 503: the provider retries) and
// which are a bad query. Every error here is a real one, thrown by pg or Prisma's pg adapter against a
// server that fails the way PostgreSQL does (test/support/fake-postgres.ts) or against a real database.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isClosedDatabase, isConnectionError } from "@/lib/db/unavailable-error";
import { openDatabase } from "@/lib/db/open";
import {
  IN_RECOVERY,
  startFakePostgres,
  TOO_MANY_CLIENTS,
  type FakePostgres,
  type ServerError,
} from "./support/fake-postgres";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function fake(behaviour: { onConnect?: ServerError; onQuery?: ServerError }): Promise<FakePostgres> {
  const server = await startFakePostgres(behaviour);
  cleanups.push(() => server.stop());
  return server;
}

function prismaOn(url: string, poolOptions: pg.PoolConfig = {}) {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 2_000, ...poolOptions });
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { onPoolError: () => undefined }) });
  cleanups.push(
    () => pool.end(),
    () => prisma.$disconnect(),
  );
  return { pool, prisma };
}

/** The error a transaction (what the batch writer runs) and a plain query throw. */
async function prismaErrors(prisma: PrismaClient): Promise<unknown[]> {
  const errors: unknown[] = [];
  await prisma.$transaction((tx) => tx.$queryRawUnsafe("SELECT 1")).catch((e: unknown) => errors.push(e));
  await prisma.$queryRawUnsafe("SELECT $1::int", 1).catch((e: unknown) => errors.push(e));
  expect(errors).toHaveLength(2);
  return errors;
}

const ADMIN_SHUTDOWN: ServerError = {
  severity: "FATAL",
  code: "57P01",
  message: "terminating connection due to administrator command",
};
const CRASH_SHUTDOWN: ServerError = {
  severity: "FATAL",
  code: "57P02",
  message: "terminating connection because of crash of another server process",
};

describe("unavailable: 503, the provider retries", () => {
  it.each([
    ["57P03 in crash recovery", IN_RECOVERY],
    ["53300 too many connections", TOO_MANY_CLIENTS],
    ["08P01 protocol violation", { severity: "FATAL", code: "08P01", message: "invalid startup packet" }],
  ] as const)("%s at connection time, as pg and as Prisma throw it", async (_, failure) => {
    const server = await fake({ onConnect: failure });
    const client = new pg.Client({ connectionString: server.url });
    const pgError = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgError).toMatchObject({ code: failure.code });
    expect(isConnectionError(pgError)).toBe(true);
    for (const error of await prismaErrors(prismaOn(server.url).prisma)) {
      expect(error).toMatchObject({ name: "PrismaClientKnownRequestError" });
      expect(isConnectionError(error)).toBe(true);
    }
  });

  it.each([
    ["57P01 administrator command", ADMIN_SHUTDOWN],
    ["57P02 crash of another server process", CRASH_SHUTDOWN],
  ] as const)("%s on a query of an open session", async (_, failure) => {
    const server = await fake({ onQuery: failure });
    for (const error of await prismaErrors(prismaOn(server.url).prisma)) {
      expect(isConnectionError(error)).toBe(true);
    }
  });

  it("the pool exhausted (no connection within its timeout)", async () => {
    const server = await fake({});
    const { pool, prisma } = prismaOn(server.url, { max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    cleanups.push(async () => held.release());
    for (const error of await prismaErrors(prisma)) {
      expect(String(error)).toMatch(/timeout exceeded when trying to connect/);
      expect(isConnectionError(error)).toBe(true);
    }
  });

  it("nothing listening on the port", async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { prisma } = prismaOn(`postgresql://postgres@127.0.0.1:${port}/x`);
    for (const error of await prismaErrors(prisma)) expect(isConnectionError(error)).toBe(true);
  });

  it("a closed embedded database is closed, not a bad query", async () => {
    const db = await openDatabase({ dataDir: "memory://", poolSize: 1 });
    await db.close();
    const error = await db.prisma.$queryRawUnsafe("SELECT 1").catch((e: unknown) => e);
    expect(isClosedDatabase(error) || isConnectionError(error)).toBe(true);
  });
});

describe("not unavailable: a bad query stays a bug (500), never retried as an outage", () => {
  it("a syntax error from the server, and a unique violation, a NUL byte, an out-of-range date", async () => {
    const server = await fake({ onQuery: { severity: "ERROR", code: "42601", message: "syntax error" } });
    const syntax = await prismaOn(server.url)
      .prisma.$queryRawUnsafe("SELECT $1::int", 1)
      .catch((e: unknown) => e);
    expect(syntax).toMatchObject({ name: "PrismaClientKnownRequestError" });
    expect(isConnectionError(syntax)).toBe(false);
    expect(isClosedDatabase(syntax)).toBe(false);
    const db = await openDatabase({ dataDir: "memory://", poolSize: 1 });
    cleanups.push(() => db.close());
    await db.prisma.$executeRawUnsafe(`CREATE TABLE t (k text PRIMARY KEY, d timestamptz)`);
    await db.prisma.$executeRawUnsafe(`INSERT INTO t (k) VALUES ('a')`);
    const failures = await Promise.all(
      [
        () => db.prisma.$executeRawUnsafe(`INSERT INTO t (k) VALUES ('a')`),
        () => db.prisma.$executeRawUnsafe(`INSERT INTO t (k) VALUES ($1)`, "a\u0000b"),
        () => db.prisma.$executeRawUnsafe(`INSERT INTO t (k, d) VALUES ('b', $1::timestamptz)`, "0000-01-01"),
      ].map((run) =>
        run().then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    for (const error of failures) {
      expect(error).not.toBeNull();
      expect(isConnectionError(error)).toBe(false);
    }
  });
});
