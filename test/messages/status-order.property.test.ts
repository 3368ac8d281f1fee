// A message's status under any order and duplication of its callbacks, END TO END: signed requests through
// the real webhook routes, the sender API registering the message before, in the middle of or after its
// events, and the real database (every target). fast-check generates realistic lifecycles (random subsets),
// exact redeliveries (same delivery id), the same status again under a new delivery id, any arrival order
// and any registration point; the stored message must equal what an independent oracle written from the
// documented rules (test/support/status-oracle.ts) gives for the distinct events and for the lifecycle in
// its natural order, and so must deriveMessageState (lib/status). The counters must never drift from a
// direct count over the message table.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { deriveMessageState, type StatusEvent } from "@/lib/status/derive";
import { expectedMessageState, expectedRank } from "../support/status-oracle";
import { testTargets } from "../support/databases";
import {
  api,
  expectCountersMatchMessages,
  newEmail,
  newEmailId,
  newPhone,
  newSid,
  postEmail,
  postSms,
  useMessagesHarness,
  type Loose,
  type WebhookAnswer,
} from "./harness";

type Channel = "sms" | "email";

// ------------------------------------------------------------------------------------------ the scenario

/** One event of a message's lifecycle, as the provider reports it. */
interface LifecycleEvent {
  status: string;
  errorCode?: string;
  /** Email only: created_at, as milliseconds after the send. */
  offsetMs?: number;
  bounce?: { type: "Permanent" | "Temporary"; subType: string };
}

/** A delivery of an event: its own delivery id, sent 1 + exact-redeliveries times. */
interface Copy {
  times: number;
}

interface Planned {
  event: LifecycleEvent;
  /** copies[0] is the original; the others report the same status under a new delivery id. */
  copies: Copy[];
}

interface Arrival {
  planned: number;
  copy: number;
}

interface Scenario {
  channel: Channel;
  planned: Planned[];
  arrivals: Arrival[];
  /** Index in `arrivals` before which the provider id becomes known (arrivals.length = after all). */
  linkAt: number;
  /** register: POST /api/messages with the id at linkAt; addId: registered first, POST external-ids at linkAt. */
  mode: "register" | "addId";
  /**
   * 1: one request after the other. More: arrivals go in groups sent at once (sharing group commits), and
   * the registration races the group holding linkAt — which copy wins is then up to the database.
   */
  concurrency: number;
}

const SMS_FINAL = fc.oneof(
  fc.constant<LifecycleEvent | null>(null),
  fc.constant<LifecycleEvent | null>({ status: "delivered" }),
  fc
    .constantFrom("30003", "30005", "30006", "30007")
    .map((code): LifecycleEvent | null => ({ status: "undelivered", errorCode: code })),
);

const smsLifecycle: fc.Arbitrary<LifecycleEvent[]> = fc
  .record({ queued: fc.boolean(), sending: fc.boolean(), sent: fc.boolean(), final: SMS_FINAL })
  .map((l) => [
    ...(l.queued ? [{ status: "queued" }] : []),
    ...(l.sending ? [{ status: "sending" }] : []),
    ...(l.sent ? [{ status: "sent" }] : []),
    ...(l.final ? [l.final] : []),
  ]);

const EMAIL_FINAL = fc.oneof(
  fc.constant<LifecycleEvent | null>(null),
  fc.constant<LifecycleEvent | null>({ status: "delivered", offsetMs: 60_000 }),
  fc.constantFrom<"Permanent" | "Temporary">("Permanent", "Temporary").map((type): LifecycleEvent | null => ({
    status: "bounced",
    offsetMs: 61_000,
    bounce: { type, subType: type === "Permanent" ? "General" : "MailboxFull" },
  })),
);

const seconds = (min: number, max: number) => fc.integer({ min, max }).map((s) => s * 1000);

const emailLifecycle: fc.Arbitrary<LifecycleEvent[]> = fc
  .record({
    sent: fc.boolean(),
    delayed: fc.boolean(),
    final: EMAIL_FINAL,
    opens: fc.array(seconds(62, 3600), { maxLength: 3 }),
    clicks: fc.array(seconds(62, 3600), { maxLength: 1 }),
    complained: fc.option(seconds(62, 7200), { nil: undefined, freq: 3 }),
  })
  .map((l) => [
    ...(l.sent ? [{ status: "sent", offsetMs: 0 }] : []),
    ...(l.delayed ? [{ status: "delivery_delayed", offsetMs: 30_000 }] : []),
    ...(l.final ? [l.final] : []),
    ...l.opens.map((offsetMs) => ({ status: "opened", offsetMs })),
    ...l.clicks.map((offsetMs) => ({ status: "clicked", offsetMs })),
    ...(l.complained !== undefined ? [{ status: "complained", offsetMs: l.complained }] : []),
  ]);

const copiesArb: fc.Arbitrary<Copy[]> = fc
  .record({
    // Exact redeliveries of the original (same delivery id).
    exact: fc.integer({ min: 0, max: 2 }),
    // The same status again under new delivery ids, each possibly redelivered itself.
    again: fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 1 }),
  })
  .map(({ exact, again }) => [{ times: 1 + exact }, ...again.map((e) => ({ times: 1 + e }))]);

function scenarioArb(channel: Channel): fc.Arbitrary<Scenario> {
  return (channel === "sms" ? smsLifecycle : emailLifecycle)
    .chain((events) =>
      fc
        .array(copiesArb, { minLength: events.length, maxLength: events.length })
        .map((copies) => events.map((event, i): Planned => ({ event, copies: copies[i] }))),
    )
    .chain((planned) => {
      const all: Arrival[] = planned.flatMap((p, pi) =>
        p.copies.flatMap((c, ci) => Array.from({ length: c.times }, () => ({ planned: pi, copy: ci }))),
      );
      return fc
        .record({
          arrivals: fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
          linkAt: fc.integer({ min: 0, max: all.length }),
          mode: fc.constantFrom<"register" | "addId">("register", "addId"),
          concurrency: fc.constantFrom(1, 1, 1, 3, 6),
        })
        .map((r): Scenario => ({ channel, planned, ...r }));
    });
}

// ------------------------------------------------------------------------------------------ the model

/** The identity of what is stored: Twilio dedupes on MessageSid+status+ErrorCode, Resend on the svix-id. */
const effectOf = (s: Scenario, a: Arrival) =>
  s.channel === "sms" ? `${a.planned}` : `${a.planned}:${a.copy}`;

interface ModelRun {
  /** Delivery id of each (planned, copy), unique per run. */
  deliveryId(a: Arrival): string;
  base: number;
}

function statusEventOf(s: Scenario, run: ModelRun, a: Arrival): StatusEvent {
  const e = s.planned[a.planned].event;
  return {
    status: e.status,
    occurredAt: s.channel === "email" ? new Date(run.base + e.offsetMs!) : null,
    deliveryId: run.deliveryId(a),
    errorCode: e.bounce ? `${e.bounce.type}/${e.bounce.subType}` : (e.errorCode ?? null),
    errorMessage: e.bounce ? "bounce" : null,
    bounceType: e.bounce?.type ?? null,
    bounceSubType: e.bounce?.subType ?? null,
  };
}

/** Stored events in order of first arrival, and the outcome each arrival must get. */
function expectedStore(s: Scenario, run: ModelRun) {
  const stored = new Map<string, { arrival: Arrival; index: number }>();
  const outcomes = s.arrivals.map((a, i) => {
    const key = effectOf(s, a);
    if (stored.has(key)) return "duplicate";
    stored.set(key, { arrival: a, index: i });
    return i >= s.linkAt ? "accepted" : "unmatched";
  });
  const events = [...stored.values()].map(({ arrival }) => ({
    arrival,
    event: statusEventOf(s, run, arrival),
  }));
  return { outcomes, events };
}

/** "Late": a delivery status ranked below what the message had reached when it was applied (arrival order). */
function expectedLate(channel: Channel, events: StatusEvent[]): boolean[] {
  return events.map((e, i) => {
    const rank = expectedRank(channel, e.status);
    return rank !== null && rank < expectedMessageState(channel, events.slice(0, i)).statusRank;
  });
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The comparable part of a state (SMS milestones are dated by arrival, which the model cannot know). */
function comparable(
  channel: Channel,
  s: {
    status: string;
    statusRank: number;
    errorCode: string | null;
    bounceType: string | null;
    openCount: number;
    clickCount: number;
    firstOpenedAt: Date | null;
    firstClickedAt: Date | null;
    deliveredAt: Date | null;
    complainedAt: Date | null;
    bouncedAt: Date | null;
  },
) {
  return {
    status: s.status,
    statusRank: s.statusRank,
    errorCode: s.errorCode,
    bounceType: s.bounceType,
    openCount: s.openCount,
    clickCount: s.clickCount,
    firstOpenedAt: iso(s.firstOpenedAt),
    firstClickedAt: iso(s.firstClickedAt),
    ...(channel === "email"
      ? { deliveredAt: iso(s.deliveredAt), complainedAt: iso(s.complainedAt), bouncedAt: iso(s.bouncedAt) }
      : {}),
  };
}

/** Every column the status layer owns, of the stored message row. */
function stateColumns(m: Loose) {
  return {
    status: m.status,
    statusRank: m.statusRank,
    statusAt: iso(m.statusAt),
    deliveredAt: iso(m.deliveredAt),
    failedAt: iso(m.failedAt),
    bouncedAt: iso(m.bouncedAt),
    complainedAt: iso(m.complainedAt),
    firstOpenedAt: iso(m.firstOpenedAt),
    firstClickedAt: iso(m.firstClickedAt),
    openCount: m.openCount,
    clickCount: m.clickCount,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    bounceType: m.bounceType,
    bounceSubType: m.bounceSubType,
  };
}

const SUPPRESSING_SMS_CODES = new Set(["30005", "30006"]);

function expectedSuppressed(channel: Channel, events: StatusEvent[]): boolean {
  if (channel === "sms") return events.some((e) => SUPPRESSING_SMS_CODES.has(e.errorCode ?? ""));
  return events.some(
    (e) => e.status === "complained" || (e.status === "bounced" && e.bounceType === "Permanent"),
  );
}

// ------------------------------------------------------------------------------------------ the test

const NUM_RUNS = Number(process.env.STATUS_PROPERTY_RUNS ?? 25);

describe.each(testTargets)("status under any order, end to end (%s)", (target) => {
  const h = useMessagesHarness(target);

  async function play(s: Scenario): Promise<void> {
    const runId = Math.random().toString(36).slice(2, 10);
    const externalId = s.channel === "sms" ? newSid() : newEmailId();
    const to = s.channel === "sms" ? newPhone() : newEmail();
    const provider = s.channel === "sms" ? "twilio" : "resend";
    const base = Date.now() - 2 * 3600_000 + Math.floor(Math.random() * 1000);
    const run: ModelRun = {
      base,
      deliveryId: (a) =>
        s.channel === "sms" ? `idem-${runId}-${a.planned}-${a.copy}` : `msg_${runId}_${a.planned}_${a.copy}`,
    };
    const sentAt = new Date(base).toISOString();

    let messageId: string | null = null;
    if (s.mode === "addId") {
      const r = await api.register({ channel: s.channel, to, sentAt, campaign: "prop" });
      expect(r.status).toBe(201);
      messageId = r.body.id;
    }
    const link = async () => {
      if (s.mode === "register") {
        const r = await api.register({ channel: s.channel, to, sentAt, campaign: "prop", externalId });
        expect(r.status).toBe(201);
        messageId = r.body.id;
      } else {
        const r = await api.addExternalId(messageId!, { provider, externalId });
        expect(r.status).toBe(201);
      }
    };

    const post = (a: Arrival): Promise<WebhookAnswer> => {
      const e = s.planned[a.planned].event;
      const deliveryId = run.deliveryId(a);
      if (s.channel === "sms")
        return postSms({ sid: externalId, to, status: e.status, errorCode: e.errorCode, token: deliveryId });
      return postEmail({
        emailId: externalId,
        to,
        type: e.status,
        svix: deliveryId,
        createdAt: new Date(base + e.offsetMs!),
        bounce: e.bounce ? { ...e.bounce, message: "bounce" } : undefined,
        data: { created_at: new Date(base).toISOString(), message_id: `<${externalId}@resend.test>` },
      });
    };

    const answers: WebhookAnswer[] = [];
    const sequential = s.concurrency === 1;
    if (sequential) {
      for (const [i, a] of s.arrivals.entries()) {
        if (i === s.linkAt) await link();
        answers.push(await post(a));
      }
    } else {
      for (let start = 0; start < s.arrivals.length; start += s.concurrency) {
        const group = s.arrivals.slice(start, start + s.concurrency);
        const racing = s.linkAt >= start && s.linkAt < start + group.length;
        const [results] = await Promise.all([Promise.all(group.map(post)), racing ? link() : undefined]);
        answers.push(...results);
      }
    }
    if (s.linkAt === s.arrivals.length) await link();

    // Every answer: 200, and the outcome the store must give.
    const { outcomes, events } = expectedStore(s, run);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    if (sequential) expect(answers.map((a) => a.outcome)).toEqual(outcomes);
    else
      expect(answers.filter((a) => a.outcome === "duplicate")).toHaveLength(
        s.arrivals.length - events.length,
      );

    // The model: the distinct events, derived in arrival order and in the lifecycle's natural order.
    const distinct = events.map((e) => e.event);
    const natural = [...events]
      .sort((a, b) => a.arrival.planned - b.arrival.planned || a.arrival.copy - b.arrival.copy)
      .map((e) => e.event);
    const expected = comparable(s.channel, expectedMessageState(s.channel, natural));
    expect(comparable(s.channel, expectedMessageState(s.channel, distinct))).toEqual(expected);
    expect(comparable(s.channel, deriveMessageState(s.channel, distinct))).toEqual(expected);

    const row = await h.db.prisma.message.findUniqueOrThrow({ where: { id: messageId! } });
    expect(comparable(s.channel, row)).toEqual(expected);

    // The hot path (one event at a time, linking included) equals the oracle over the stored events, every
    // column included (SMS milestones are dated by the arrival times stored).
    const storedEvents = await h.db.prisma.messageEvent.findMany({
      where: { messageId: messageId! },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    });
    expect(storedEvents).toHaveLength(events.length);
    const reference = expectedMessageState(
      s.channel,
      storedEvents.map((e): StatusEvent => ({
        status: e.status,
        occurredAt: e.occurredAt,
        deliveryId: e.deliveryId,
        receivedAt: e.receivedAt,
        errorCode: e.errorCode,
        errorMessage: e.errorMessage,
        bounceType: e.bounceType,
        bounceSubType: e.bounceSubType,
      })),
    );
    expect(stateColumns(row)).toEqual(stateColumns(reference));

    // "late" follows arrival order, whether an event was applied on arrival or when it was linked.
    const late = expectedLate(s.channel, distinct);
    if (sequential) {
      const lateByDelivery = new Map(storedEvents.map((e) => [e.deliveryId, e.late]));
      expect(distinct.map((e) => lateByDelivery.get(e.deliveryId))).toEqual(late);
    }

    // What support sees: the same status, every arrival in the timeline (copies flagged as duplicates).
    const detail = (await api.get(messageId!)).body;
    expect(detail.status).toBe(expected.status);
    expect(detail.error?.code ?? null).toBe(expected.errorCode);
    expect(detail.engagement).toMatchObject({
      openCount: expected.openCount,
      clickCount: expected.clickCount,
      firstOpenedAt: expected.firstOpenedAt,
    });
    const timeline = detail.timeline as Loose[];
    expect(timeline.filter((t) => t.kind === "event")).toHaveLength(events.length);
    expect(timeline.filter((t) => t.kind === "duplicate")).toHaveLength(s.arrivals.length - events.length);
    if (sequential)
      expect(timeline.filter((t) => t.kind === "event" && t.late).length).toBe(late.filter(Boolean).length);
    expect(detail.suppression.suppressed).toBe(expectedSuppressed(s.channel, distinct));
    expect(await h.db.prisma.messageEvent.count({ where: { externalId, messageId: null } })).toBe(0);
  }

  async function registered(channel: Channel, externalId: string, to: string): Promise<string> {
    const r = await api.register({
      channel,
      to,
      externalId,
      sentAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(r.status).toBe(201);
    return r.body.id;
  }

  async function statCounts(): Promise<Record<string, number>> {
    const stats = await h.db.prisma.messageStat.groupBy({ by: ["channel", "metric"], _sum: { count: true } });
    return Object.fromEntries(
      stats
        .filter((s) => Number(s._sum.count) !== 0)
        .map((s) => [`${s.channel}:${s.metric}`, Number(s._sum.count)]),
    );
  }

  it("a late `sent` after `delivered` changes nothing but is kept, marked late", async () => {
    const sid = newSid();
    const to = newPhone();
    const id = await registered("sms", sid, to);
    await postSms({ sid, to, status: "delivered" });
    const before = await h.db.prisma.message.findUniqueOrThrow({ where: { id } });
    const counters = await statCounts();
    expect((await postSms({ sid, to, status: "sent" })).outcome).toBe("accepted");
    expect((await postSms({ sid, to, status: "queued" })).outcome).toBe("accepted");
    const after = await h.db.prisma.message.findUniqueOrThrow({ where: { id } });
    expect(stateColumns(after)).toEqual(stateColumns(before));
    expect(await statCounts()).toEqual(counters);
    expect(counters).toMatchObject({ "sms:delivered": 1, "sms:total": 1 });
    const timeline = (await api.get(id)).body.timeline as Loose[];
    expect(timeline.map((t) => [t.status, t.late])).toEqual([
      ["delivered", false],
      ["sent", true],
      ["queued", true],
    ]);

    const emailId = newEmailId();
    const mailTo = newEmail();
    const mail = await registered("email", emailId, mailTo);
    const t = Date.now() - 600_000;
    await postEmail({ emailId, to: mailTo, type: "delivered", createdAt: new Date(t + 5000) });
    await postEmail({ emailId, to: mailTo, type: "sent", createdAt: new Date(t) });
    const m = (await api.get(mail)).body;
    expect(m).toMatchObject({ status: "delivered", statusAt: new Date(t + 5000).toISOString() });
    expect(m.timeline.map((e: Loose) => [e.status, e.late])).toEqual([
      ["sent", true],
      ["delivered", false],
    ]);
  });

  it("`delivered` after `delivery_delayed` moves the message forward; a late delay does not move it back", async () => {
    const emailId = newEmailId();
    const to = newEmail();
    const id = await registered("email", emailId, to);
    const t = Date.now() - 600_000;
    await postEmail({ emailId, to, type: "sent", createdAt: new Date(t) });
    await postEmail({ emailId, to, type: "delivery_delayed", createdAt: new Date(t + 60_000) });
    expect((await api.get(id)).body.status).toBe("delivery_delayed");
    await postEmail({ emailId, to, type: "delivered", createdAt: new Date(t + 3600_000) });
    expect((await api.get(id)).body).toMatchObject({
      status: "delivered",
      milestones: { deliveredAt: new Date(t + 3600_000).toISOString() },
    });
    // A second delay report that arrives after delivery (dated before it) is late.
    await postEmail({ emailId, to, type: "delivery_delayed", createdAt: new Date(t + 120_000) });
    expect((await api.get(id)).body.status).toBe("delivered");
    expect(await statCounts()).toMatchObject({ "email:delivered": 1, "email:total": 1 });
    expect((await statCounts())["email:delivery_delayed"]).toBeUndefined();
  });

  it("an email opened but never reported delivered counts as delivered (status, milestone and counters)", async () => {
    const emailId = newEmailId();
    const to = newEmail();
    const id = await registered("email", emailId, to);
    const t = Date.now() - 600_000;
    await postEmail({ emailId, to, type: "sent", createdAt: new Date(t) });
    await postEmail({ emailId, to, type: "opened", createdAt: new Date(t + 90_000) });
    const m = (await api.get(id)).body;
    expect(m).toMatchObject({
      status: "delivered",
      statusAt: new Date(t + 90_000).toISOString(),
      error: null,
      milestones: {
        deliveredAt: new Date(t + 90_000).toISOString(),
        firstOpenedAt: new Date(t + 90_000).toISOString(),
      },
      engagement: { opened: true, openCount: 1 },
    });
    expect(await statCounts()).toEqual({ "email:total": 1, "email:delivered": 1, "email:opened": 1 });
    // The real delivery report, when it comes, dates the delivery; still counted once.
    await postEmail({ emailId, to, type: "delivered", createdAt: new Date(t + 2000) });
    expect((await api.get(id)).body.milestones.deliveredAt).toBe(new Date(t + 2000).toISOString());
    expect(await statCounts()).toEqual({ "email:total": 1, "email:delivered": 1, "email:opened": 1 });
    const summary = (await api.metrics("channel=email")).body.email;
    expect(summary.rates).toMatchObject({ deliveryRate: 1, openRate: 1 });
  });

  for (const channel of ["sms", "email"] as const) {
    it(`${channel}: any subset, order, duplication and registration point gives the derived status; counters never drift`, async () => {
      await fc.assert(fc.asyncProperty(scenarioArb(channel), play), { numRuns: NUM_RUNS });
      expect(await h.db.prisma.message.count()).toBeGreaterThan(0);
      await expectCountersMatchMessages(h.db);
    }, 120_000);
  }
});
