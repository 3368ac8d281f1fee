// The body-retention sweeper of one server process: a sweep shortly after start, then every few minutes,
// each on the database as it is then (skipped while it is unavailable). Shutdown stops the timer and waits
// for the statement running (tracked as a write), so the database is never closed under it.
import type { Config } from "../config/schema";
import { readyDatabase } from "../db/runtime";
import { beforeShutdownDrain, isShuttingDown, trackWrite } from "../lifecycle";
import { logger } from "../logger";
import { removeExpiredBodies } from "./body-retention";

const FIRST_SWEEP_MS = 60_000;
const SWEEP_EVERY_MS = 5 * 60_000;
const BATCH_SIZE = 1_000;
/** At most 50,000 rows a sweep: a backlog (retention just turned on) is worked off over several sweeps. */
const MAX_BATCHES = 50;

interface Sweeper {
  timer?: NodeJS.Timeout;
  stopped: boolean;
  /** Sweeps the timer has started (a test reads it to see that shutdown stops the timer). */
  sweeps: number;
}

export interface SweepSchedule {
  firstSweepMs: number;
  sweepEveryMs: number;
}

const holder = globalThis as typeof globalThis & { __signalboardBodyRetention?: Sweeper };

export function startBodyRetention(
  config: Config,
  { firstSweepMs, sweepEveryMs }: SweepSchedule = {
    firstSweepMs: FIRST_SWEEP_MS,
    sweepEveryMs: SWEEP_EVERY_MS,
  },
): void {
  if (holder.__signalboardBodyRetention || config.WEBHOOK_BODY_RETENTION_DAYS === 0) return;
  const sweeper: Sweeper = { stopped: false, sweeps: 0 };
  holder.__signalboardBodyRetention = sweeper;
  const schedule = (ms: number) => {
    if (sweeper.stopped) return;
    sweeper.timer = setTimeout(() => void sweep().finally(() => schedule(sweepEveryMs)), ms);
    sweeper.timer.unref();
  };
  const sweep = async () => {
    sweeper.sweeps += 1;
    const db = readyDatabase();
    if (!db || isShuttingDown()) return;
    try {
      const result = await trackWrite(
        removeExpiredBodies(db.sql, {
          retentionDays: config.WEBHOOK_BODY_RETENTION_DAYS,
          batchSize: BATCH_SIZE,
          maxBatches: MAX_BATCHES,
          shouldStop: isShuttingDown,
        }),
      );
      if (result.removed > 0) {
        logger.info(
          { removed: result.removed, moreLeft: result.moreLeft, days: config.WEBHOOK_BODY_RETENTION_DAYS },
          "raw bodies removed by retention",
        );
      }
    } catch (error) {
      logger.warn({ err: String(error) }, "body retention sweep failed; retrying at the next sweep");
    }
  };
  beforeShutdownDrain("body-retention", () => {
    sweeper.stopped = true;
    clearTimeout(sweeper.timer);
  });
  schedule(firstSweepMs);
}

/** How many sweeps the timer has started, and whether it is stopped; undefined when it never started. */
export function bodyRetentionState(): { sweeps: number; stopped: boolean } | undefined {
  const sweeper = holder.__signalboardBodyRetention;
  return sweeper && { sweeps: sweeper.sweeps, stopped: sweeper.stopped };
}
