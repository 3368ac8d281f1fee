// One EventSource on /api/events/stream, without React: it starts after a given sequence (?after=) and
// says what happens through callbacks; shared-stream.ts decides which tab holds it. When the stream drops
// it reconnects itself, after the newest row it was given (?after=, the same resume point as the
// Last-Event-ID of the browser's own reconnect): the browser's reconnect would keep the first URL and rely
// on that header alone, which a proxy may drop, and then start again from where the page first began.
import type { LiveRow } from "@/lib/queries/live-log-rows";

export type StreamState =
  | { kind: "connecting" }
  | { kind: "live"; openStreams: number; maxStreams: number }
  | { kind: "reconnecting" }
  | { kind: "reload"; reason: string }
  | { kind: "full"; openStreams: number; maxStreams: number };

export interface StreamEvents {
  /** The server says where the stream starts (`from`: the sequence its rows follow). */
  onHello(from: bigint): void;
  onRows(rows: LiveRow[]): void;
  onState(state: StreamState): void;
}

/** How long a refused browser waits before it asks for a stream again. */
const RETRY_WHEN_FULL_MS = 30_000;
/** Reconnects wait longer each time the server stays unreachable, up to the last. */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

export class StreamConnection {
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private failures = 0;
  /** The newest sequence given out (or where the stream starts): a reopened source resumes after it. */
  lastSeq: bigint;

  constructor(
    private readonly query: string,
    after: bigint,
    private readonly events: StreamEvents,
  ) {
    this.lastSeq = after;
    this.open();
  }

  /** Starts over from an older sequence (a tab that joined needs what came before it joined). */
  restartFrom(after: bigint): void {
    if (this.closed) return;
    this.source?.close();
    clearTimeout(this.retryTimer);
    if (after < this.lastSeq) this.lastSeq = after;
    this.open();
  }

  close(): void {
    this.closed = true;
    this.source?.close();
    clearTimeout(this.retryTimer);
  }

  private open(): void {
    const params = new URLSearchParams(this.query);
    params.set("after", String(this.lastSeq));
    const source = new EventSource(`/api/events/stream?${params}`);
    this.source = source;
    const data = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    source.addEventListener("hello", (e) => {
      const hello = data<{ openStreams: number; maxStreams: number; from: string }>(e);
      this.failures = 0;
      this.events.onHello(BigInt(hello.from));
      this.events.onState({ kind: "live", openStreams: hello.openStreams, maxStreams: hello.maxStreams });
    });
    source.addEventListener("request", (e) => {
      const row = data<LiveRow>(e);
      if (BigInt(row.seq) > this.lastSeq) this.lastSeq = BigInt(row.seq);
      this.events.onRows([row]);
    });
    source.addEventListener("reload", (e) => {
      source.close();
      this.events.onState({ kind: "reload", reason: data<{ reason: string }>(e).reason });
    });
    source.addEventListener("full", (e) => {
      source.close();
      this.events.onState({ kind: "full", ...data<{ openStreams: number; maxStreams: number }>(e) });
      this.retry(RETRY_WHEN_FULL_MS);
    });
    source.onerror = () => {
      if (this.source !== source) return;
      // The stream ended (a restart, a network change) or could not open: reconnect after the newest row.
      source.close();
      this.events.onState({ kind: "reconnecting" });
      this.retry(RECONNECT_DELAYS_MS[Math.min(this.failures++, RECONNECT_DELAYS_MS.length - 1)]);
    };
  }

  private retry(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.closed) this.open();
    }, ms);
  }
}
