// One live-log stream per browser and filter, shared by the tabs that show it. Browsers allow about six
// HTTP/1.1 connections per origin, so a stream per tab would starve the app's other requests.
//
// The tabs of one filter elect a leader with a Web Lock named after the filter (navigator.locks: granted to
// one tab at a time, released by the browser when that tab closes or crashes, then granted to the next
// tab waiting). The leader holds the EventSource and relays what it hears on a BroadcastChannel of the
// same name; the others only listen.
//
// The stream stays filtered on the server, one per distinct filter (not one unfiltered stream filtered in
// each tab): a tab watching the rare rejections of a busy installation then receives those rows only, and
// the stream's catch-up and its bounds (lib/live-log/sse-stream.ts) apply to exactly what the tab shows.
// Tabs on the same filter — the usual case, the unfiltered log — share one connection.
//
// No gaps when tabs come and go: each tab knows the newest sequence it has. A tab joining says it; the
// leader answers with the rows after it from its recent rows when it holds all of them, else restarts its
// stream from there (the server's catch-up fills the gap and the tabs drop repeats by id). A tab that takes
// over from a leader that closed opens the stream after its own newest row, and the others join it anew.
//
// Without Web Locks or BroadcastChannel (an old browser, or a page not served over HTTPS or from
// localhost, where navigator.locks is missing) each tab has its own stream, as before.
import type { LiveRow } from "@/lib/queries/live-log-rows";
import { StreamConnection, type StreamState } from "./stream-connection";

export interface SharedStreamEvents {
  onRows(rows: LiveRow[]): void;
  onState(state: StreamState, role: "leader" | "follower"): void;
}

type Message =
  | { kind: "rows"; rows: LiveRow[] }
  | { kind: "state"; leader: string; state: StreamState }
  | { kind: "join"; tab: string; after: string }
  | { kind: "catch-up"; to: string; rows: LiveRow[] };

/** Rows the leader keeps for tabs that join (the page shows at most 500). */
const RECENT_ROWS = 1_000;

export function sharedStreamSupported(): boolean {
  return typeof navigator !== "undefined" && !!navigator.locks && typeof BroadcastChannel !== "undefined";
}

/** Joins the browser's stream for `query`, starting after sequence `after`; returns how to leave. */
export function joinSharedStream(query: string, after: bigint, events: SharedStreamEvents): () => void {
  if (!sharedStreamSupported()) {
    const connection = new StreamConnection(query, after, {
      onHello: () => {},
      onRows: events.onRows,
      onState: (state) => events.onState(state, "leader"),
    });
    return () => connection.close();
  }

  const name = `signalboard-live-log?${query}`;
  const tab = crypto.randomUUID();
  const channel = new BroadcastChannel(name);
  const post = (message: Message) => channel.postMessage(message);
  let lastSeq = after;
  let leaderSeen: string | null = null;
  let leading: Leader | null = null;
  let left = false;

  const seen = (rows: LiveRow[]) => {
    for (const row of rows) if (BigInt(row.seq) > lastSeq) lastSeq = BigInt(row.seq);
  };

  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (leading) {
      if (message.kind === "join") leading.join(message.tab, BigInt(message.after));
      return;
    }
    switch (message.kind) {
      case "rows":
        seen(message.rows);
        events.onRows(message.rows);
        break;
      case "catch-up":
        if (message.to !== tab) break;
        seen(message.rows);
        events.onRows(message.rows);
        break;
      case "state":
        events.onState(message.state, "follower");
        // A new leader (the old one's tab closed): it may lack what this tab has not seen yet.
        if (message.leader !== leaderSeen) {
          leaderSeen = message.leader;
          post({ kind: "join", tab, after: String(lastSeq) });
        }
        break;
    }
  };
  // Whoever leads already answers with its state and what this tab missed.
  post({ kind: "join", tab, after: String(lastSeq) });
  events.onState({ kind: "connecting" }, "follower");

  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const controller = new AbortController();
  navigator.locks
    .request(name, { signal: controller.signal }, async () => {
      if (left) return;
      leading = new Leader(tab, query, lastSeq, post, events);
      await held;
      leading.close();
      leading = null;
    })
    .catch(() => {
      // Aborted: the tab left before it was its turn to lead.
    });

  return () => {
    left = true;
    controller.abort();
    release();
    channel.close();
  };
}

/** The tab that holds the stream: delivers to itself and relays to the others. */
class Leader {
  private readonly connection: StreamConnection;
  private recent: LiveRow[] = [];
  /** Every row after this sequence is in `recent` (the stream has run since then). */
  private floor: bigint;
  private state: StreamState = { kind: "connecting" };

  constructor(
    private readonly tab: string,
    query: string,
    after: bigint,
    private readonly post: (message: Message) => void,
    private readonly events: SharedStreamEvents,
  ) {
    this.floor = after;
    this.connection = new StreamConnection(query, after, {
      onHello: (from) => {
        if (from < this.floor) this.floor = from;
      },
      onRows: (rows) => {
        this.keep(rows);
        this.events.onRows(rows);
        this.post({ kind: "rows", rows });
      },
      onState: (state) => {
        this.state = state;
        this.events.onState(state, "leader");
        this.post({ kind: "state", leader: this.tab, state });
      },
    });
    this.post({ kind: "state", leader: this.tab, state: this.state });
    this.events.onState(this.state, "leader");
  }

  join(tab: string, after: bigint): void {
    this.post({ kind: "state", leader: this.tab, state: this.state });
    if (after >= this.floor && this.state.kind !== "reload") {
      const rows = this.recent.filter((r) => BigInt(r.seq) > after);
      if (rows.length) this.post({ kind: "catch-up", to: tab, rows });
    } else {
      // The joining tab is older than what this stream covers (or the stream stopped): read again from
      // its newest row; the catch-up reaches every tab, which drop what they have. It arrives in order
      // and holds all that `recent` held, so `recent` starts over with it.
      this.floor = after;
      this.recent = [];
      this.connection.restartFrom(after);
    }
  }

  close(): void {
    this.connection.close();
  }

  private keep(rows: LiveRow[]): void {
    this.recent.push(...rows);
    if (this.recent.length > RECENT_ROWS) {
      const dropped = this.recent.splice(0, this.recent.length - RECENT_ROWS);
      const newestDropped = BigInt(dropped[dropped.length - 1].seq);
      if (newestDropped > this.floor) this.floor = newestDropped;
    }
  }
}
