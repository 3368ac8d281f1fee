// Fans the committed rows out to the streams open in this process. Each committed range is read once
// (by sequence) whatever the number of streams, then filtered per stream in memory. Ranges arrive in
// commit order, which is sequence order (lib/ingest/batch-sql.ts), so a stream's cursor (the last
// sequence it was given) is all it needs to skip what it already has.
import type { Database } from "../db/open";
import { logger } from "../logger";
import { listRowsAfter, listRowsInRange, type LiveRow } from "../queries/live-log-rows";
import { processBus, type BusMessage, type LiveBus } from "./bus";
import { matchesLiveFilter, type LiveFilter } from "./filter";
import { startPgListener, type PgListener } from "./pg-listener";

export interface LiveSubscriber {
  filter: LiveFilter;
  /** The last sequence this stream was given (or where it starts). */
  cursor: bigint;
  /** Rows that arrived while the stream reads its catch-up; given after it, minus what it covered. */
  held: LiveRow[] | null;
  deliver(rows: LiveRow[]): void;
  /** Shutdown or a reset: the stream ends, the browser reconnects. */
  end(): void;
}

/** Rows read per query; a bigger range is read in several. */
const READ_LIMIT = 1_000;

export class LiveHub {
  readonly subscribers = new Set<LiveSubscriber>();
  /** Resolves once this process hears every commit (the LISTEN is in place on PostgreSQL). */
  readonly ready: Promise<void>;
  private pending: { first: bigint; last: bigint } | null = null;
  private resync = false;
  private reading = false;
  /** The highest sequence fanned out (or a subscriber started from): where a resync reads from. */
  private lastSeq = 0n;
  private readonly unsubscribe: () => void;
  private readonly listener?: PgListener;

  constructor(
    readonly db: Database,
    readonly maxStreams: number,
    bus: LiveBus = processBus(),
  ) {
    this.unsubscribe = bus.subscribe((message) => this.receive(message));
    const connectionString = db.pool?.options.connectionString;
    if (db.kind === "postgres" && connectionString) {
      this.listener = startPgListener(connectionString, bus);
      this.ready = this.listener.ready;
    } else {
      this.ready = Promise.resolve();
    }
  }

  /** Adds a stream, or returns false when the cap is reached. */
  add(subscriber: LiveSubscriber): boolean {
    if (this.subscribers.size >= this.maxStreams) return false;
    this.subscribers.add(subscriber);
    if (subscriber.cursor > this.lastSeq) this.lastSeq = subscriber.cursor;
    return true;
  }

  remove(subscriber: LiveSubscriber): void {
    this.subscribers.delete(subscriber);
  }

  /** Ends every stream (shutdown); their browsers reconnect, to this instance or another. */
  endAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.end();
    this.subscribers.clear();
  }

  async close(): Promise<void> {
    this.endAll();
    this.unsubscribe();
    await this.listener?.close();
  }

  private receive(message: BusMessage): void {
    if (message.kind === "resync") this.resync = true;
    else {
      const { first, last } = message.range;
      this.pending = this.pending
        ? { first: min(this.pending.first, first), last: max(this.pending.last, last) }
        : { first, last };
    }
    void this.drain();
  }

  /** One read at a time; ranges that arrive meanwhile are merged into the next read. */
  private async drain(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      while (this.pending || this.resync) {
        if (!this.subscribers.size) {
          // Nobody is watching: nothing to read, only remember how far the log has gone.
          if (this.pending) this.lastSeq = max(this.lastSeq, this.pending.last);
          this.pending = null;
          this.resync = false;
          continue;
        }
        if (this.resync) {
          this.resync = false;
          this.pending = null;
          await this.readAfter(this.lastSeq);
          continue;
        }
        const { first, last } = this.pending!;
        this.pending = null;
        let from = first;
        for (;;) {
          const rows = await listRowsInRange(this.db, from, last, READ_LIMIT);
          this.fanOut(rows);
          if (rows.length < READ_LIMIT) break;
          from = BigInt(rows[rows.length - 1].seq) + 1n;
        }
        this.lastSeq = max(this.lastSeq, last);
      }
    } catch (error) {
      // The database is unavailable: the streams stay open and read what they missed on the next commit.
      logger.warn({ err: String(error) }, "live log: committed rows could not be read");
      this.resync = true;
    } finally {
      this.reading = false;
    }
  }

  private async readAfter(after: bigint): Promise<void> {
    for (;;) {
      const rows = await listRowsAfter(this.db, after, {}, READ_LIMIT);
      this.fanOut(rows);
      if (rows.length < READ_LIMIT) return;
      after = BigInt(rows[rows.length - 1].seq);
    }
  }

  private fanOut(rows: LiveRow[]): void {
    if (!rows.length) return;
    this.lastSeq = max(this.lastSeq, BigInt(rows[rows.length - 1].seq));
    for (const subscriber of this.subscribers) {
      const fresh = rows.filter(
        (r) => BigInt(r.seq) > subscriber.cursor && matchesLiveFilter(r, subscriber.filter),
      );
      if (!fresh.length) continue;
      if (subscriber.held) subscriber.held.push(...fresh);
      else {
        subscriber.cursor = BigInt(fresh[fresh.length - 1].seq);
        subscriber.deliver(fresh);
      }
    }
  }
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
