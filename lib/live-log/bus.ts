// The live log's in-process bus: every committed batch's sequence range, for the streams open in this
// process. On the embedded database the batch writer publishes here after each commit; on PostgreSQL the
// instance's one LISTEN connection (pg-listener.ts) publishes what every instance's commits notified.
// The process's bus is kept on globalThis: Next.js bundles the webhook routes and the stream route apart.
import type { SeqRange } from "../ingest/batch-sql";

/** A committed range, or "resync": notifications may have been missed (a LISTEN connection was lost). */
export type BusMessage = { kind: "range"; range: SeqRange } | { kind: "resync" };
export type BusListener = (message: BusMessage) => void;

export class LiveBus {
  private readonly listeners = new Set<BusListener>();

  publish(message: BusMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const holder = globalThis as typeof globalThis & { __signalboardLiveBus?: LiveBus };

/** This process's bus. */
export function processBus(): LiveBus {
  holder.__signalboardLiveBus ??= new LiveBus();
  return holder.__signalboardLiveBus;
}

/** Publishes a committed batch's range (the batch writer's onCommitted on the embedded database). */
export function publishCommitted(range: SeqRange): void {
  processBus().publish({ kind: "range", range });
}

/** Parses a NOTIFY payload "first:last"; null for anything else. */
export function parseRangePayload(payload: string | undefined): SeqRange | null {
  const match = /^(\d{1,19}):(\d{1,19})$/.exec(payload ?? "");
  if (!match) return null;
  const first = BigInt(match[1]);
  const last = BigInt(match[2]);
  return first <= last ? { first, last } : null;
}
