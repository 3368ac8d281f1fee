// The driver-level handle under Prisma: the migrator, the health check and the batched ingest writer
// need plain SQL on one session (advisory locks, multi-statement scripts), which Prisma does not expose.
import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";
import { isConnectionError } from "./unavailable-error";

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
