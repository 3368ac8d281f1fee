// The load generator and its own ledger: what each request was, and what the server answered. The ledger,
// not the server's logs or tables, is the record of what was acknowledged: a 2xx carries the requestId the
// server promised to have committed, and the scenario later looks every one of them up.
import http from "node:http";
import { send, type Answer } from "./http";
import { signedEvent, type SignedEvent } from "./signed-events";

export interface LedgerEntry {
  n: number;
  event: SignedEvent;
  answer: Answer;
  /** Milliseconds since the load started, when the answer (or the failure) arrived. */
  at: number;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  /** Upper bounds: the load ends at whichever comes first (or when stop() is called). */
  maxRequests: number;
  maxMs: number;
  /** Keep-alive connections (default); false gives every request a connection of its own. */
  keepAlive?: boolean;
  /** The n-th request; default alternates signed Twilio and Resend events. */
  make?: (n: number) => SignedEvent;
  timeoutMs?: number;
  /** Stop sending (as a load balancer stops routing here) once an answer says so. */
  stopWhen?: (answer: Answer) => boolean;
}

export interface Load {
  /** Ends the load: no new request is sent; those in flight are awaited. */
  stop(): void;
  /** Resolves with the ledger once every worker has finished. */
  done: Promise<LedgerEntry[]>;
  /** Answers so far with a 2xx. */
  acknowledged(): number;
  /** Entries so far (live view). */
  entries(): readonly LedgerEntry[];
}

const live = new Set<Load>();

/** Stops every load still running (afterEach), so a failed scenario's traffic never reaches the next one. */
export async function stopAllLoads(): Promise<void> {
  const loads = [...live];
  for (const load of loads) load.stop();
  await Promise.all(loads.map((load) => load.done));
}

export function startLoad(options: LoadOptions): Load {
  const make = options.make ?? signedEvent;
  const agent =
    options.keepAlive === false
      ? undefined
      : new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const ledger: LedgerEntry[] = [];
  const started = performance.now();
  let next = 0;
  let stopped = false;
  let acks = 0;
  const over = () => stopped || next >= options.maxRequests || performance.now() - started > options.maxMs;

  const worker = async () => {
    while (!over()) {
      const n = next++;
      const event = make(n);
      const answer = await send(options.baseUrl, event.request, { agent, timeoutMs: options.timeoutMs });
      if (answer.status !== null && answer.status >= 200 && answer.status < 300) acks++;
      ledger.push({ n, event, answer, at: performance.now() - started });
      if (options.stopWhen?.(answer)) stopped = true;
      // Nothing listening (killed, restarting): do not spin.
      if (answer.error === "ECONNREFUSED") await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, worker)).then(() => {
    agent?.destroy();
    return ledger;
  });
  const load: Load = {
    stop: () => (stopped = true),
    done,
    acknowledged: () => acks,
    entries: () => ledger,
  };
  live.add(load);
  void done.then(() => live.delete(load));
  return load;
}

/** Waits until the load has `count` acknowledgements (or throws after `ms`). */
export async function waitForAcks(load: Load, count: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (load.acknowledged() < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${load.acknowledged()} of ${count} acknowledgements within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const isAck = (entry: LedgerEntry) =>
  entry.answer.status !== null && entry.answer.status >= 200 && entry.answer.status < 300;

/** The requestId a 2xx body carries (the server's promise that this row is committed). */
export function ackedRequestId(entry: LedgerEntry): string | null {
  const id = entry.answer.json?.requestId;
  return typeof id === "string" ? id : null;
}

/** "200×812 503×40 ECONNRESET×3": a ledger at a glance, for reports and failure messages. */
export function tally(entries: readonly LedgerEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { answer } of entries) {
    const key =
      answer.status !== null
        ? String(answer.status)
        : `${answer.error}${answer.connected ? "" : " (not connected)"}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
