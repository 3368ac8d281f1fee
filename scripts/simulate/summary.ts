// What a run amounts to (pure): counts by status and outcome, latency, and the smoke-test verdict. A run
// fails when a request never got an answer, a correctly signed request was refused, or a bad one was
// accepted. Surprising-but-legal answers (a redelivery not recognised as one) are warnings.
import { UNVERIFIABLE_KINDS, type BadKind } from "./bad-kinds";
import type { Provider } from "./lifecycle";
import type { Plan, PlanItem } from "./plan";
import type { SendResult, SendRun } from "./send";

export interface SummaryInput {
  plan: Plan;
  run: SendRun;
  target: string;
  publicUrls: Record<Provider, string>;
  unknownMessageStatus: 200 | 404;
  notes: string[];
}

export interface Failure {
  index: number;
  provider: Provider;
  request: PlanItem["kind"];
  badKind?: BadKind;
  status: number;
  outcome: string | null;
  reason: string;
  body?: string;
}

export interface Summary {
  ok: boolean;
  seed: string;
  target: string;
  publicUrls: Record<Provider, string>;
  messages: number;
  requests: {
    planned: number;
    sent: number;
    notSent: number;
    fresh: number;
    duplicates: number;
    bad: number;
  };
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
  byProvider: Partial<Record<Provider, Record<string, number>>>;
  badByKind: Partial<Record<BadKind, Record<string, number>>>;
  elapsedMs: number;
  ratePerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
  transportErrors: Record<string, number>;
  stoppedBy: string | null;
  /** Wrong answers: a good request refused or a bad one accepted (no answer at all: transportErrors). */
  failures: { count: number; first: Failure[] };
  warnings: string[];
  notes: string[];
}

const SHOWN_FAILURES = 10;
const FRESH_OUTCOMES = new Set(["accepted", "unmatched"]);

const is2xx = (status: number | null) => status !== null && status >= 200 && status < 300;
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export function summarize({
  plan,
  run,
  target,
  publicUrls,
  unknownMessageStatus,
  notes,
}: SummaryInput): Summary {
  const byStatus: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
  const byProvider: Summary["byProvider"] = {};
  const badByKind: Summary["badByKind"] = {};
  const transportErrors: Record<string, number> = {};
  const failures: Failure[] = [];
  const warnings: string[] = [];
  const latencies: number[] = [];
  let unexpectedBadStatus = 0,
    freshAsDuplicate = 0;

  const sent = run.results.filter((r): r is SendResult => r !== undefined);
  // A redelivery racing its original may be stored first; then the original is the one called duplicate.
  const redelivered = new Set(
    plan.items.flatMap((item) => (item.kind === "duplicate" ? [item.original] : [])),
  );
  for (const result of sent) {
    const item = plan.items[result.index];
    const provider = item.event.message.provider;
    const status = result.status === null ? "transport-error" : String(result.status);
    bump(byStatus, status);
    bump((byProvider[provider] ??= {}), status);
    if (result.transportError) {
      bump(transportErrors, result.transportError);
      continue;
    }
    latencies.push(result.latencyMs);
    bump(byOutcome, result.outcome ?? "(none)");
    if (item.kind === "bad") {
      bump((badByKind[item.bad] ??= {}), status);
      if (is2xx(result.status))
        failures.push(failure(result, item, `bad request (${item.bad}) was accepted`));
      else if (!expectedBadStatuses(item.bad).includes(result.status!)) unexpectedBadStatus++;
    } else if (
      !is2xx(result.status) &&
      !(unknownMessageStatus === 404 && result.status === 404 && result.outcome === "unmatched")
    ) {
      failures.push(
        failure(
          result,
          item,
          `correctly signed ${item.kind === "duplicate" ? "redelivery" : "event"} was refused`,
        ),
      );
    } else if (item.kind === "event" && result.outcome === "duplicate" && !redelivered.has(result.index)) {
      freshAsDuplicate++;
    } else if (
      item.kind === "event" &&
      result.outcome !== null &&
      !FRESH_OUTCOMES.has(result.outcome) &&
      result.outcome !== "duplicate"
    ) {
      warnings.push(
        `request ${result.index} (${provider} ${item.event.status}) was answered outcome "${result.outcome}"`,
      );
    }
  }

  // With UNKNOWN_MESSAGE_STATUS=404 an unmatched delivery is forgotten on purpose, so its retry is new.
  const missed = unknownMessageStatus === 404 ? 0 : unrecognisedRedeliveries(plan, run.results);
  if (missed > 0)
    warnings.push(`${missed} redeliveries (same delivery id, same bytes) were not answered "duplicate"`);
  if (freshAsDuplicate > 0) {
    warnings.push(
      `${freshAsDuplicate} first deliveries were answered "duplicate": was this --seed sent to this database before?`,
    );
  }
  const refusedSignatures = failures.filter((f) => f.request !== "bad" && f.status === 401);
  for (const provider of new Set(refusedSignatures.map((f) => f.provider))) {
    warnings.push(
      `correctly signed ${provider} requests were answered 401: the server does not use this configuration's ` +
        `secret or public URL (signed for ${publicUrls[provider]}); its request rows say why`,
    );
  }
  if (unexpectedBadStatus > 0) {
    warnings.push(
      `${unexpectedBadStatus} bad requests were refused with another status than expected (401/429 for signatures, 400 malformed, 415 content type)`,
    );
  }
  if (unknownMessageStatus === 404)
    notes = [
      ...notes,
      'UNKNOWN_MESSAGE_STATUS=404: 404 "unmatched" counts as expected for unregistered messages',
    ];

  const elapsedMs = run.elapsedMs;
  return {
    ok:
      failures.length === 0 && Object.keys(transportErrors).length === 0 && sent.length === plan.items.length,
    seed: plan.seed,
    target,
    publicUrls,
    messages: plan.messages.length,
    requests: {
      planned: plan.items.length,
      sent: sent.length,
      notSent: plan.items.length - sent.length,
      fresh: plan.fresh,
      duplicates: plan.duplicates,
      bad: plan.bad,
    },
    byStatus,
    byOutcome,
    byProvider,
    badByKind,
    elapsedMs: round(elapsedMs),
    ratePerSecond: elapsedMs > 0 ? round((sent.length * 1000) / elapsedMs) : 0,
    latencyMs: latencySummary(latencies),
    transportErrors,
    stoppedBy: run.stoppedBy,
    failures: { count: failures.length, first: failures.slice(0, SHOWN_FAILURES) },
    warnings,
    notes,
  };
}

/** Signature failures answer 401, or 429 once a source is over WEBHOOK_RATE_LIMIT. */
export function expectedBadStatuses(kind: BadKind): number[] {
  if (UNVERIFIABLE_KINDS.has(kind)) return [401, 429];
  return kind === "wrong-content-type" ? [415] : [400];
}

/** Per redelivered request: of its copies (original included), all but one must be answered "duplicate". */
function unrecognisedRedeliveries(plan: Plan, results: Array<SendResult | undefined>): number {
  const copies = new Map<number, number[]>();
  plan.items.forEach((item, index) => {
    if (item.kind === "duplicate")
      copies.set(item.original, [...(copies.get(item.original) ?? [item.original]), index]);
  });
  let missed = 0;
  for (const indexes of copies.values()) {
    const answered = indexes
      .map((i) => results[i])
      .filter((r): r is SendResult => r !== undefined && r.status !== null);
    if (answered.length < 2) continue;
    const duplicates = answered.filter((r) => r.outcome === "duplicate").length;
    missed += Math.max(0, answered.length - 1 - duplicates);
  }
  return missed;
}

function failure(result: SendResult, item: PlanItem, reason: string): Failure {
  return {
    index: result.index,
    provider: item.event.message.provider,
    request: item.kind,
    ...(item.kind === "bad" && { badKind: item.bad }),
    status: result.status!,
    outcome: result.outcome,
    reason,
    ...(result.body !== undefined && { body: result.body }),
  };
}

function latencySummary(latencies: number[]): Summary["latencyMs"] {
  if (!latencies.length) return null;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]);
  return { p50: at(50), p95: at(95), p99: at(99), max: round(sorted[sorted.length - 1]) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
