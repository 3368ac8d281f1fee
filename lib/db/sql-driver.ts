// The driver-level handle under Prisma: the migrator, the health check and the batched ingest writer
// need plain SQL on one session (advisory locks, multi-statement scripts), which Prisma does not expose.
import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";

export interface SqlSession {
  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDriver {
  kind: "pglite" | "postgres";
  /** Runs `work` on one dedicated session (a pooled connection, or PGlite's only one). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs `work` inside BEGIN/COMMIT on one session; rolls back when it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}

export function pgliteDriver(pglite: PGlite): SqlDriver {
  const wrap = (q: Pick<PGlite, "exec" | "query">): SqlSession => ({
    exec: async (sql) => {
      await q.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows,
  });
  return {
    kind: "pglite",
    // PGlite has one session and queues every query and transaction behind one lock: never interleaved.
    withSession: (work) => work(wrap(pglite)),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
  };
}

export function pgDriver(pool: Pool): SqlDriver {
  const wrap = (client: PoolClient): SqlSession => ({
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
  });
  const withSession = async <T>(work: (session: SqlSession) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A checked-out client whose connection drops emits 'error' (besides failing the running query); the
    // pool only listens while the client is idle, and an unheard 'error' would crash the whole process.
    const onClientError = (error: Error) => {
      broken ??= error;
    };
    client.on("error", onClientError);
    try {
      return await work(wrap(client));
    } catch (error) {
      broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.removeListener("error", onClientError);
      // A connection that failed mid-work may be dead: let the pool drop it instead of reusing it.
      client.release(broken && isConnectionError(broken) ? broken : undefined);
    }
  };
  return {
    kind: "postgres",
    withSession,
    transaction: (work) =>
      withSession(async (session) => {
        await session.exec("BEGIN");
        try {
          const result = await work(session);
          await session.exec("COMMIT");
          return result;
        } catch (error) {
          await session.exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
  };
}

// Prisma's own codes for "cannot reach / lost the server / no connection in time".
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
]);

/** True when the error means "the database is unreachable", as opposed to a bad query. */
export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (
    typeof e.code === "string" &&
    (CONNECTION_ERROR_CODES.has(e.code) || PRISMA_CONNECTION_CODES.has(e.code))
  ) {
    return true;
  }
  if (
    typeof e.message === "string" &&
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|database system is (starting up|shutting down)|terminating connection/i.test(
      e.message,
    )
  ) {
    return true;
  }
  if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true;
  return e.cause !== undefined && e.cause !== error && isConnectionError(e.cause);
}

// A database closed under the writer (its pool ended, PGlite closed) is unavailable, not a bad request:
// 503 so the provider retries, never 500. Retrying against the same closed object cannot help.
export function isClosedDatabase(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (/PGlite is closed|Cannot use a pool after calling end on the pool/.test(message)) return true;
  }
  return false;
}
