// One LISTEN connection per instance on PostgreSQL: every instance's committed batches arrive here as
// one notification each ("first:last") and go onto this process's bus. The connection is its own client,
// not one of the pool's, so a long-lived listener never takes a slot from the webhooks. When it drops, it
// reconnects with backoff and publishes "resync", because notifications sent meanwhile are gone.
import pg from "pg";
import { LIVE_LOG_CHANNEL } from "../ingest/batch-sql";
import { logger } from "../logger";
import { parseRangePayload, type LiveBus } from "./bus";

export interface PgListener {
  /** Resolves once the first LISTEN is in place: from then on no commit goes unheard. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const MAX_BACKOFF_MS = 5_000;

export function startPgListener(connectionString: string, bus: LiveBus): PgListener {
  let closed = false;
  let client: pg.Client | undefined;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));

  const connect = async (): Promise<void> => {
    if (closed) return;
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
    next.on("notification", (message) => {
      const range = parseRangePayload(message.payload);
      if (range) bus.publish({ kind: "range", range });
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_LOG_CHANNEL}`);
      if (closed) return void (await next.end().catch(() => undefined));
      client = next;
      listening();
      // Anything committed while this connection was being (re)established is read by sequence.
      if (attempt > 0) bus.publish({ kind: "resync" });
      attempt = 0;
    } catch (error) {
      logger.warn({ err: String(error) }, "live log: LISTEN connection failed; retrying");
      reconnect(next);
    }
  };

  const reconnect = (failed: pg.Client): void => {
    if (closed || retryTimer || (client && client !== failed)) return;
    client = undefined;
    failed.removeAllListeners("notification");
    void failed.end().catch(() => undefined);
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt++);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    retryTimer.unref();
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
