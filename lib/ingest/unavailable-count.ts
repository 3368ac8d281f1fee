// Requests this instance answered 503 (database unavailable, or shutting down) since it started. Nothing
// can be written while the database is down, so these are counted in memory, per instance: the operations
// page shows this instance's count. Kept on globalThis so the route handlers and the pages, which may be
// bundled apart, share one counter.
const holder = globalThis as typeof globalThis & {
  __signalboardUnavailable?: { count: number; since: Date; last: Date | null };
};

function counter() {
  // Since the process started, which is when this instance began answering.
  holder.__signalboardUnavailable ??= {
    count: 0,
    since: new Date(Date.now() - process.uptime() * 1000),
    last: null,
  };
  return holder.__signalboardUnavailable;
}

export function countUnavailableAnswer(): void {
  const c = counter();
  c.count += 1;
  c.last = new Date();
}

export interface UnavailableCount {
  count: number;
  /** When this instance (its process) started. */
  since: Date;
  last: Date | null;
}

export function readUnavailableCount(): UnavailableCount {
  const c = counter();
  return { count: c.count, since: c.since, last: c.last };
}
