// One browser's live-log stream as server-sent events. Event id = the row's sequence number, so the
// browser's automatic reconnect sends Last-Event-ID and the stream resumes right after it: a catch-up
// read by sequence, then the live rows from the hub (the ones the catch-up covered are skipped).
// Bounded: the bytes queued for a browser that reads slower than rows arrive are capped; past the cap it
// is told to reload to catch up and the stream ends, so a slow browser never grows server memory.
import type { Database } from "../db/open";
import { getLatestSeq, listRowsAfter, SCAN_WINDOW, type LiveRow } from "../queries/live-log-rows";
import { isFiltered, type LiveFilter } from "./filter";
import type { LiveHub, LiveSubscriber } from "./hub";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Proxies such as nginx would otherwise buffer the stream.
  "X-Accel-Buffering": "no",
};

export interface StreamLimits {
  /** Bytes queued for one browser before it is told to reload. */
  maxQueuedBytes: number;
  /** Rows a reconnect may catch up on; further behind, it is told to reload. */
  maxCatchUpRows: number;
  /**
   * Sequence numbers a filtered reconnect may be behind; further, it is told to reload (its catch-up
   * reads no more than SCAN_WINDOW of them: see live-log-rows.ts).
   */
  maxFilteredCatchUpSeqs: bigint;
  heartbeatMs: number;
}

export const DEFAULT_LIMITS: StreamLimits = {
  maxQueuedBytes: 1024 * 1024,
  maxCatchUpRows: 2_000,
  maxFilteredCatchUpSeqs: SCAN_WINDOW,
  heartbeatMs: 15_000,
};

/** The stream's own buffer; what is queued beyond it counts against maxQueuedBytes too. */
const QUEUE_HIGH_WATER_MARK = 16 * 1024;
const encoder = new TextEncoder();

function frame(event: string, data: unknown, id?: string): Uint8Array {
  return encoder.encode(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Parses Last-Event-ID (or ?after=): a sequence number, else null (start from the newest row). */
export function parseResumePoint(value: string | null | undefined): bigint | null {
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

export function openLiveStream(options: {
  db: Database;
  hub: LiveHub;
  filter: LiveFilter;
  resumeAfter: bigint | null;
  signal: AbortSignal;
  limits?: StreamLimits;
}): ReadableStream<Uint8Array> {
  const { db, hub, filter, resumeAfter, signal } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let heartbeat: NodeJS.Timeout | undefined;
  let done = false;

  const finish = () => {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    hub.remove(subscriber);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the browser going away.
    }
  };
  const send = (chunk: Uint8Array) => {
    if (done) return;
    controller.enqueue(chunk);
    const queued = QUEUE_HIGH_WATER_MARK - (controller.desiredSize ?? 0);
    if (queued > limits.maxQueuedBytes) tellToReload("this browser fell behind");
  };
  const tellToReload = (reason: string) => {
    if (done) return;
    controller.enqueue(frame("reload", { reason }));
    finish();
  };
  // The cap on open streams: said as an event (an HTTP error would stop EventSource for good), and the
  // page waits before it tries again.
  const refuseFull = () => {
    if (done) return;
    controller.enqueue(frame("full", { openStreams: hub.subscribers.size, maxStreams: hub.maxStreams }));
    finish();
  };
  const deliver = (rows: LiveRow[]) => {
    for (const row of rows) send(frame("request", row, row.seq));
  };

  const subscriber: LiveSubscriber = { filter, cursor: 0n, held: [], deliver, end: finish };

  const start = async () => {
    await hub.ready;
    const from = resumeAfter ?? (await getLatestSeq(db));
    subscriber.cursor = from;
    if (done) return;
    if (!hub.add(subscriber)) return refuseFull();
    send(
      frame("hello", { openStreams: hub.subscribers.size, maxStreams: hub.maxStreams, from: String(from) }),
    );
    if (resumeAfter !== null) {
      // A filtered catch-up reads SCAN_WINDOW sequence numbers at most (live-log-rows.ts): a browser
      // further behind reloads rather than miss what lies beyond the window. Read after joining the hub,
      // so what commits from here on comes through the hub.
      const behind = min(limits.maxFilteredCatchUpSeqs, SCAN_WINDOW);
      if (isFiltered(filter) && (await getLatestSeq(db)) - from > behind)
        return tellToReload("too much arrived while disconnected");
      const missed = await listRowsAfter(db, from, filter, limits.maxCatchUpRows + 1);
      if (missed.length > limits.maxCatchUpRows) return tellToReload("too much arrived while disconnected");
      deliver(missed);
      if (missed.length) subscriber.cursor = BigInt(missed[missed.length - 1].seq);
    }
    // Live rows that arrived during the catch-up, minus what it already gave.
    const held = (subscriber.held ?? []).filter((r) => BigInt(r.seq) > subscriber.cursor);
    subscriber.held = null;
    deliver(held);
    if (held.length) subscriber.cursor = BigInt(held[held.length - 1].seq);
    heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), limits.heartbeatMs);
    heartbeat.unref();
  };

  signal.addEventListener("abort", finish, { once: true });
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        // Reconnect quickly after a restart; the browser adds Last-Event-ID itself.
        c.enqueue(encoder.encode("retry: 2000\n\n"));
        // The database is unavailable: end, and the browser's reconnect resumes from its last id.
        start().catch(finish);
      },
      cancel: finish,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUE_HIGH_WATER_MARK }),
  );
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
