// A fresh PostgreSQL database for one bench run, created here and dropped at the end (also on failure or
// Ctrl-C). Only 127.0.0.1. The admin user is whichever works: BENCH_PG_ADMIN_URL, else postgres, else root.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { onCleanup } from "./cleanup";
import { say } from "./log";

const CANDIDATES = [
  "postgresql://postgres@127.0.0.1:5432/postgres",
  "postgresql://root@127.0.0.1:5432/postgres",
];

export interface BenchDatabase {
  name: string;
  /** Connection URL the servers and the checks use. */
  url: string;
  drop(): Promise<void>;
}

async function tryAdmin(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>(
      "SELECT (rolsuper OR rolcreatedb) AS ok FROM pg_roles WHERE rolname = current_user",
    );
    return rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let adminUrl: string | undefined;

export async function findAdminUrl(): Promise<string> {
  if (adminUrl) return adminUrl;
  const candidates = process.env.BENCH_PG_ADMIN_URL ? [process.env.BENCH_PG_ADMIN_URL] : CANDIDATES;
  for (const url of candidates) {
    const host = new URL(url).hostname;
    if (host !== "127.0.0.1" && host !== "localhost")
      throw new Error(`the bench only targets 127.0.0.1, not ${host}`);
    if (await tryAdmin(url)) {
      adminUrl = url;
      return url;
    }
  }
  throw new Error(
    `no PostgreSQL user that may create databases at ${candidates.join(" or ")} (set BENCH_PG_ADMIN_URL)`,
  );
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: await findAdminUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabase(purpose: string): Promise<BenchDatabase> {
  const name = `signalboard_bench_${purpose}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(await findAdminUrl());
  url.pathname = `/${name}`;
  const drop = onCleanup(`drop database ${name}`, async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    say(`dropped database ${name}`);
  });
  say(`created database ${name}`);
  return { name, url: url.toString(), drop };
}

/** Runs queries on one connection to the given database. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function postgresVersion(): Promise<string> {
  return admin(async (c) => (await c.query<{ v: string }>("SHOW server_version")).rows[0].v);
}
