// The smoke-test verdict and the figures of a run, from a plan and made-up answers.
import { describe, expect, it } from "vitest";
import { buildPlan, type Plan } from "./plan";
import type { SendResult } from "./send";
import { expectedBadStatuses, summarize } from "./summary";
import { planInput } from "./test-fixtures";

const plan = buildPlan(planInput({ count: 100, duplicates: 0.1, bad: 0.1 }));
const urls = {
  twilio: "http://localhost:3000/webhooks/twilio",
  resend: "http://localhost:3000/webhooks/resend",
};

/** The answers a correct server gives, with `change` applied to some. */
function answers(
  p: Plan,
  change: (result: SendResult, index: number) => SendResult = (r) => r,
): SendResult[] {
  return p.items.map((item, index) => {
    const result: SendResult =
      item.kind === "bad"
        ? {
            index,
            status: expectedBadStatuses(item.bad)[0],
            outcome: "error:x",
            transportError: null,
            latencyMs: index + 1,
          }
        : {
            index,
            status: 200,
            outcome: item.kind === "duplicate" ? "duplicate" : "unmatched",
            transportError: null,
            latencyMs: index + 1,
          };
    return change(result, index);
  });
}

const summary = (
  results: Array<SendResult | undefined>,
  unknownMessageStatus: 200 | 404 = 200,
  stoppedBy: string | null = null,
) =>
  summarize({
    plan,
    run: { results, elapsedMs: 2000, stoppedBy },
    target: "http://localhost:3000",
    publicUrls: urls,
    unknownMessageStatus,
    notes: [],
  });

describe("summarize", () => {
  it("passes a run where every good request is accepted and every bad one refused, with its figures", () => {
    const s = summary(answers(plan));
    expect(s.ok).toBe(true);
    expect(s.requests).toMatchObject({ planned: 100, sent: 100, fresh: 80, duplicates: 10, bad: 10 });
    expect(s.byStatus[200]).toBe(90);
    expect((s.byStatus[401] ?? 0) + (s.byStatus[400] ?? 0) + (s.byStatus[415] ?? 0)).toBe(10);
    expect(s.byOutcome).toEqual({ unmatched: 80, duplicate: 10, "error:x": 10 });
    expect(s.ratePerSecond).toBe(50);
    expect(s.latencyMs).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(s.warnings).toEqual([]);
  });

  it("fails when a good request is refused, or a bad one accepted", () => {
    const firstGood = plan.items.findIndex((i) => i.kind === "event");
    const refused = summary(
      answers(plan, (r, i) =>
        i === firstGood ? { ...r, status: 401, outcome: "error:invalid_signature" } : r,
      ),
    );
    expect(refused.ok).toBe(false);
    expect(refused.failures.first[0]).toMatchObject({
      index: firstGood,
      reason: "correctly signed event was refused",
    });

    const firstBad = plan.items.findIndex((i) => i.kind === "bad");
    const accepted = summary(
      answers(plan, (r, i) => (i === firstBad ? { ...r, status: 200, outcome: "unmatched" } : r)),
    );
    expect(accepted.ok).toBe(false);
    expect(accepted.failures.first[0].reason).toMatch(/^bad request \(.+\) was accepted$/);
  });

  it("fails on a transport error and counts what was never sent", () => {
    const results: Array<SendResult | undefined> = answers(plan).slice(0, 3);
    results[2] = { index: 2, status: null, outcome: null, transportError: "ECONNREFUSED", latencyMs: 1 };
    const s = summary(results, 200, "ECONNREFUSED");
    expect(s.ok).toBe(false);
    expect(s.transportErrors).toEqual({ ECONNREFUSED: 1 });
    expect(s.requests.notSent).toBe(97);
  });

  it("accepts 404 unmatched when UNKNOWN_MESSAGE_STATUS=404, and only then", () => {
    const notFound = answers(plan, (r) =>
      r.status === 200 ? { ...r, status: 404, outcome: "unmatched" } : r,
    );
    expect(summary(notFound, 404).ok).toBe(true);
    expect(summary(notFound, 200).ok).toBe(false);
  });

  it("warns when a bad request is refused for another reason than its flaw", () => {
    const s = summary(answers(plan, (r) => (r.status !== 200 ? { ...r, status: 503 } : r)));
    expect(s.ok).toBe(true);
    expect(s.warnings.join()).toMatch(/10 bad requests were refused with another status/);
  });

  it("warns when a redelivery is not answered duplicate", () => {
    const s = summary(answers(plan, (r) => (r.outcome === "duplicate" ? { ...r, outcome: "unmatched" } : r)));
    expect(s.ok).toBe(true);
    expect(s.warnings.join()).toMatch(/10 redeliveries .* were not answered "duplicate"/);
  });
});
