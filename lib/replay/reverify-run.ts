// Re-verify rejected requests after a fix, in bulk: the signature rejections of a time range (and
// provider) are checked again against the current configuration, and those that now verify are processed
// (./replay-request.ts). Bounded (MAX_REQUESTS_PER_RUN), in the background, with its progress in its
// replay_run row, which the page polls.
//
// Single flight across instances: a running run holds replay_run.active_slot = "reverify", a unique
// column, so a second start on any instance fails on the unique key. A run whose instance stopped without
// releasing it (its heartbeat went quiet) is taken over as abandoned.
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditActor } from "../audit/record";
import type { Config } from "../config/schema";
import type { Database } from "../db/open";
import { isShuttingDown } from "../lifecycle";
import { logger } from "../logger";
import type { Provider } from "../providers/types";
import { replayStoredRequest, type ReplayResult } from "./replay-request";
import { loadStoredRequests } from "./stored-request";

/** At most this many rejected requests per run; the page says when more are left for another run. */
export const MAX_REQUESTS_PER_RUN = 500;
const SLOT = "reverify";
/** A running run's heartbeat is renewed at every chunk; silence this long means its instance stopped. */
const STALE_AFTER_MS = 60_000;
/** Requests handed to the batch writer together (they share its commits). */
const CHUNK = 20;

export interface ReverifySelection {
  provider: Provider | null;
  from: Date;
  to: Date;
}

export type StartResult =
  | {
      started: true;
      runId: string;
      /** Settles when the run ended (tests wait for it). */ done: Promise<void>;
    }
  | { started: false; runId: string | null };

export interface RunReasons {
  stillFailing: Record<string, number>;
  ineligible: Record<string, number>;
}

export async function startReverifyRun(
  db: Database,
  config: Config,
  actor: AuditActor,
  selection: ReverifySelection,
): Promise<StartResult> {
  await db.prisma.replayRun.updateMany({
    where: { activeSlot: SLOT, heartbeatAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
    data: {
      activeSlot: null,
      status: "abandoned",
      finishedAt: new Date(),
      error: "its instance stopped before it finished",
    },
  });
  const id = randomUUID();
  try {
    await db.prisma.replayRun.create({
      data: {
        id,
        activeSlot: SLOT,
        status: "running",
        startedBy: actor.label,
        provider: selection.provider,
        rangeFrom: selection.from,
        rangeTo: selection.to,
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const running = await db.prisma.replayRun.findUnique({
      where: { activeSlot: SLOT },
      select: { id: true },
    });
    return { started: false, runId: running?.id ?? null };
  }
  await recordAudit(
    {
      actor,
      action: "requests.reverify_started",
      target: id,
      details: {
        provider: selection.provider ?? "all",
        from: selection.from.toISOString(),
        to: selection.to.toISOString(),
      },
    },
    { db },
  );
  const done = executeRun(db, config, actor, id, selection);
  return { started: true, runId: id, done };
}

/** Rejected requests of the selection not recovered yet (no replay of theirs exists), oldest first. */
async function selectRejected(db: Database, selection: ReverifySelection, limit: number): Promise<string[]> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT r.id::text FROM webhook_request r
      WHERE r.outcome = 'rejected_signature' AND r.received_at >= $1 AND r.received_at < $2
        AND ($3::text IS NULL OR r.provider = $3::text) AND r.summary_count IS NULL
        AND NOT EXISTS (SELECT 1 FROM webhook_request p WHERE p.replay_of = r.id)
      ORDER BY r.received_at, r.seq LIMIT $4`,
    selection.from,
    selection.to,
    selection.provider,
    limit,
  );
  return rows.map((r) => r.id);
}

async function executeRun(
  db: Database,
  config: Config,
  actor: AuditActor,
  runId: string,
  selection: ReverifySelection,
): Promise<void> {
  const counts = { processed: 0, passed: 0, stillFailing: 0, ineligible: 0 };
  const reasons: RunReasons = { stillFailing: {}, ineligible: {} };
  const progress = () => ({ ...counts, reasons: { ...reasons }, heartbeatAt: new Date() });
  let status = "finished";
  let failure: string | null = null;
  try {
    const ids = await selectRejected(db, selection, MAX_REQUESTS_PER_RUN + 1);
    const chosen = ids.slice(0, MAX_REQUESTS_PER_RUN);
    await db.prisma.replayRun.update({
      where: { id: runId },
      data: { selected: chosen.length, moreLeft: ids.length > chosen.length, heartbeatAt: new Date() },
    });
    for (let i = 0; i < chosen.length; i += CHUNK) {
      if (isShuttingDown()) {
        status = "stopped";
        failure = "the instance stopped during the run; start it again for the requests left";
        break;
      }
      const chunk = chosen.slice(i, i + CHUNK);
      const rows = await loadStoredRequests(db, chunk);
      const results = await Promise.all(
        chunk.map((id): Promise<ReplayResult> =>
          rows.has(id)
            ? replayStoredRequest(db, config, rows.get(id)!, actor)
            : Promise.resolve({ status: "ineligible", reason: "it was removed meanwhile" }),
        ),
      );
      for (const result of results) tally(result, counts, reasons);
      await db.prisma.replayRun.update({ where: { id: runId }, data: progress() });
    }
  } catch (error) {
    status = "failed";
    failure = error instanceof Error ? error.message.split("\n").slice(-1)[0] : String(error);
    logger.error({ runId, err: failure }, "re-verification run failed");
  }
  try {
    await db.prisma.replayRun.update({
      where: { id: runId },
      data: { ...progress(), status, error: failure, activeSlot: null, finishedAt: new Date() },
    });
  } catch (error) {
    // The slot stays taken until the heartbeat is stale; the next start then takes it over.
    logger.error({ runId, err: String(error) }, "re-verification run not closed");
  }
  await recordAudit(
    { actor, action: "requests.reverify_finished", target: runId, details: { status, ...counts } },
    { db },
  );
}

function tally(
  result: ReplayResult,
  counts: { processed: number; passed: number; stillFailing: number; ineligible: number },
  reasons: RunReasons,
): void {
  counts.processed += 1;
  const bump = (into: Record<string, number>, reason: string) => (into[reason] = (into[reason] ?? 0) + 1);
  switch (result.status) {
    case "replayed":
      counts.passed += 1;
      return;
    case "still_failing":
    case "unavailable":
      counts.stillFailing += 1;
      bump(reasons.stillFailing, result.reason);
      return;
    case "ineligible":
      counts.ineligible += 1;
      bump(reasons.ineligible, result.reason);
  }
}

export interface ReplayRunView {
  id: string;
  status: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  provider: string | null;
  rangeFrom: string;
  rangeTo: string;
  selected: number;
  moreLeft: boolean;
  processed: number;
  passed: number;
  stillFailing: number;
  ineligible: number;
  reasons: RunReasons;
  error: string | null;
}

/** The latest run, for the page's progress and summary. */
export async function getLatestRun(db: Database): Promise<ReplayRunView | null> {
  const run = await db.prisma.replayRun.findFirst({ orderBy: { startedAt: "desc" } });
  if (!run) return null;
  const reasons = (run.reasons ?? {}) as Partial<RunReasons>;
  return {
    id: run.id,
    status: run.status,
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    provider: run.provider,
    rangeFrom: run.rangeFrom.toISOString(),
    rangeTo: run.rangeTo.toISOString(),
    selected: run.selected,
    moreLeft: run.moreLeft,
    processed: run.processed,
    passed: run.passed,
    stillFailing: run.stillFailing,
    ineligible: run.ineligible,
    reasons: { stillFailing: reasons.stillFailing ?? {}, ineligible: reasons.ineligible ?? {} },
    error: run.error,
  };
}
