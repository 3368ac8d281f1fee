// Graceful shutdown: on SIGTERM/SIGINT stop taking webhooks (503, so providers retry elsewhere or later),
// let every request already taken finish and its answer reach the client, then close the database and exit.
import { closeDatabase } from "./db/runtime";
import { logger } from "./logger";

interface Lifecycle {
  shuttingDown: boolean;
  inFlight: Set<Promise<unknown>>;
  handlersInstalled: boolean;
  /** The one shutdown in progress: a second signal waits for it instead of exiting mid-drain. */
  stopping?: Promise<void>;
  /** Run first at shutdown, before the drain (e.g. writing flood summaries still counted in memory). */
  beforeDrain: Map<string, () => void>;
  /** Run after the drain, before the database closes (e.g. letting the last answers reach their clients). */
  afterDrain: Map<string, (deadline: number) => Promise<void>>;
  /** Work counted elsewhere (e.g. the ingest writer's queue) that the drain also waits for. */
  drainSources: Map<string, () => number>;
}

const holder = globalThis as typeof globalThis & { __signalboardLifecycle?: Lifecycle };

function lifecycle(): Lifecycle {
  holder.__signalboardLifecycle ??= {
    shuttingDown: false,
    inFlight: new Set(),
    handlersInstalled: false,
    beforeDrain: new Map(),
    afterDrain: new Map(),
    drainSources: new Map(),
  };
  return holder.__signalboardLifecycle;
}

export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

/** Registers work to run when shutdown starts, before in-flight writes are drained (one per name). */
export function beforeShutdownDrain(name: string, hook: () => void): void {
  lifecycle().beforeDrain.set(name, hook);
}

/** Registers work to run once the writes drained, before the database closes (one per name). */
export function afterShutdownDrain(name: string, hook: (deadline: number) => Promise<void>): void {
  lifecycle().afterDrain.set(name, hook);
}

/** Registers a counter of pending writes the shutdown waits for (one per name). */
export function registerDrainSource(name: string, pending: () => number): void {
  lifecycle().drainSources.set(name, pending);
}

/** Registers a write the shutdown must wait for. */
export function trackWrite<T>(work: Promise<T>): Promise<T> {
  const { inFlight } = lifecycle();
  inFlight.add(work);
  const done = () => inFlight.delete(work);
  work.then(done, done);
  return work;
}

const DRAIN_POLL_MS = 20;
/** The whole shutdown (drain, answers, close) stays within this; providers time out after ~15 s. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** Waits until every tracked write has settled (or the deadline passes). */
export async function drainWrites(deadlineMs = SHUTDOWN_DEADLINE_MS): Promise<number> {
  const { inFlight, drainSources } = lifecycle();
  const left = () => inFlight.size + [...drainSources.values()].reduce((n, pending) => n + pending(), 0);
  const deadline = Date.now() + deadlineMs;
  while (left() > 0 && Date.now() < deadline) {
    // Every round waits on a real timer: racing only promises that have already settled (an empty
    // in-flight set while the writer still works) would loop in microtasks and starve the event loop,
    // so the writer's commits, and every socket, would never get a turn.
    const tick = sleep(Math.min(DRAIN_POLL_MS, Math.max(1, deadline - Date.now())));
    await (inFlight.size ? Promise.race([Promise.allSettled([...inFlight]), tick]) : tick);
  }
  return left();
}

export function shutdown(signal: string): Promise<void> {
  const state = lifecycle();
  if (state.stopping) {
    logger.info({ signal }, "already shutting down: waiting for the drain to finish");
    return state.stopping;
  }
  state.shuttingDown = true;
  state.stopping = (async () => {
    logger.info({ signal, inFlight: state.inFlight.size }, "shutting down: draining writes");
    for (const hook of state.beforeDrain.values()) hook();
    const deadline = Date.now() + SHUTDOWN_DEADLINE_MS;
    const left = await drainWrites(deadline - Date.now());
    if (left > 0) logger.error({ left }, "writes still in flight at the shutdown deadline");
    for (const hook of state.afterDrain.values()) await hook(deadline);
    await closeDatabase();
    logger.info("database closed; bye");
  })();
  return state.stopping;
}

/** Installed once at start. Next.js's own handlers are off (NEXT_MANUAL_SIG_HANDLE) so ours decide when to exit. */
export function installShutdownHandlers(): void {
  const state = lifecycle();
  if (state.handlersInstalled) return;
  state.handlersInstalled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // `on`, not `once`: a repeated signal (Ctrl-C reaches both npm start and the server) must not fall
    // back to the default action, which kills the process before the writes drain and PGlite closes.
    process.on(signal, () => {
      shutdown(signal)
        .catch((error) => logger.error({ err: String(error) }, "shutdown failed"))
        .finally(() => process.exit(0));
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
