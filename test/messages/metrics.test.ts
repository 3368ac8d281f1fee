// GET /api/metrics/summary against a small scenario computed by hand: messages registered with known send
// times, their events through the signed webhook routes, synchronous failures through the API. Counts and
// rates follow the definitions (over messages by send time, from the counters), and the counters equal a
// direct count over the message table. On every target.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { testTargets } from "../support/databases";
import {
  api,
  expectApiError,
  expectCountersMatchMessages,
  newEmail,
  newEmailId,
  newPhone,
  newSid,
  postEmail,
  postSms,
  useMessagesHarness,
  type Loose,
} from "./harness";

const FROM = "2026-03-01T10:00:00.000Z";
const UNTIL = "2026-03-01T12:00:00.000Z";
const at = (hhmm: string) => `2026-03-01T${hhmm}:00.000Z`;
/** Statuses a message passed through stay in the counts as 0: compared without them. */
const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));

describe.each(testTargets)("metrics summary (%s)", (target) => {
  const h = useMessagesHarness(target);

  interface Planned {
    key: string;
    channel: "sms" | "email";
    sentAt: string;
    campaign: string;
    externalId: string;
    to: string;
  }

  async function registerAll(
    list: Array<Omit<Planned, "externalId" | "to">>,
  ): Promise<Map<string, Planned & { id: string }>> {
    const planned = list.map((p): Planned => ({
      ...p,
      externalId: p.channel === "sms" ? newSid() : newEmailId(),
      to: p.channel === "sms" ? newPhone() : newEmail(),
    }));
    const r = await api.batch({
      messages: planned.map((p) => ({
        channel: p.channel,
        to: p.to,
        sentAt: p.sentAt,
        campaign: p.campaign,
        externalId: p.externalId,
      })),
    });
    expect(r.body.created).toBe(planned.length);
    return new Map(planned.map((p, i) => [p.key, { ...p, id: r.body.items[i].id as string }]));
  }

  it("counts and rates by send time match a scenario computed by hand", async () => {
    const m = await registerAll([
      { key: "s1", channel: "sms", sentAt: at("10:05"), campaign: "spring" }, // sent → delivered: counted once, delivered
      { key: "s2", channel: "sms", sentAt: at("10:20"), campaign: "spring" }, // delivered
      { key: "s3", channel: "sms", sentAt: at("11:00"), campaign: "spring" }, // undelivered
      { key: "s4", channel: "sms", sentAt: at("11:30"), campaign: "spring" }, // failed (API)
      { key: "s5", channel: "sms", sentAt: at("11:59"), campaign: "spring" }, // sent: not settled
      { key: "s6", channel: "sms", sentAt: at("10:00"), campaign: "spring" }, // registered only; `from` is inclusive
      { key: "s7", channel: "sms", sentAt: at("12:00"), campaign: "spring" }, // delivered, but `until` is exclusive
      { key: "s8", channel: "sms", sentAt: at("09:59"), campaign: "spring" }, // undelivered, before the range
      { key: "e1", channel: "email", sentAt: at("10:01"), campaign: "spring" }, // delivered, opened ×2, clicked
      { key: "e2", channel: "email", sentAt: at("10:02"), campaign: "spring" }, // delivered, opened
      { key: "e3", channel: "email", sentAt: at("10:03"), campaign: "spring" }, // delivered, complained
      { key: "e4", channel: "email", sentAt: at("10:04"), campaign: "spring" }, // bounced (Permanent)
      { key: "e5", channel: "email", sentAt: at("10:05"), campaign: "spring" }, // suppressed by Resend
      { key: "e6", channel: "email", sentAt: at("11:06"), campaign: "spring" }, // failed (API)
      { key: "e7", channel: "email", sentAt: at("11:07"), campaign: "spring" }, // delivery_delayed: not settled
      { key: "e8", channel: "email", sentAt: at("11:08"), campaign: "autumn" }, // opened, never reported delivered
      { key: "e9", channel: "email", sentAt: at("12:00"), campaign: "spring" }, // delivered, after the range
    ]);
    const sms = async (key: string, status: string, errorCode?: string) => {
      const p = m.get(key)!;
      expect((await postSms({ sid: p.externalId, to: p.to, status, errorCode })).outcome).toBe("accepted");
    };
    const email = async (
      key: string,
      type: string,
      extra: { bounce?: { type: string; subType?: string }; data?: Record<string, unknown> } = {},
    ) => {
      const p = m.get(key)!;
      const createdAt = new Date(Date.parse(p.sentAt) + 60_000 + Math.floor(Math.random() * 60_000));
      expect((await postEmail({ emailId: p.externalId, to: p.to, type, createdAt, ...extra })).outcome).toBe(
        "accepted",
      );
    };

    await sms("s1", "sent");
    await sms("s1", "delivered");
    await sms("s2", "delivered");
    await sms("s3", "undelivered", "30003");
    expect((await api.fail(m.get("s4")!.id, { code: "21211" })).status).toBe(201);
    await sms("s5", "queued");
    await sms("s5", "sent");
    await sms("s7", "delivered");
    await sms("s8", "undelivered", "30007");
    await email("e1", "sent");
    await email("e1", "delivered");
    await email("e1", "opened");
    await email("e1", "opened");
    await email("e1", "clicked");
    await email("e2", "delivered");
    await email("e2", "opened");
    await email("e3", "delivered");
    await email("e3", "complained");
    await email("e4", "bounced", { bounce: { type: "Permanent", subType: "General" } });
    await email("e5", "suppressed", {
      data: { suppressed: { type: "OnAccountSuppressionList", message: "suppressed" } },
    });
    expect((await api.fail(m.get("e6")!.id, { code: "validation_error" })).status).toBe(201);
    await email("e7", "sent");
    await email("e7", "delivery_delayed");
    await email("e8", "opened");
    await email("e9", "delivered");

    const r = await api.metrics(`from=${FROM}&until=${UNTIL}`);
    expect(r.status).toBe(200);
    expect(r.requestId).toBeTruthy();
    const body = r.body as Loose;
    expect(body.range).toEqual({ from: FROM, until: UNTIL });
    expect(body).toMatchObject({ channel: null, campaign: null });

    // SMS: delivered ÷ (delivered + undelivered + failed) = 2 ÷ (2 + 1 + 1).
    expect(nonZero(body.sms.counts)).toEqual({
      total: 6,
      registered: 1,
      sent: 1,
      delivered: 2,
      undelivered: 1,
      failed: 1,
      deliveredTotal: 2,
    });
    expect(body.sms.rates).toEqual({ deliveryRate: 0.5 });

    // Email: settled = delivered 4 + bounced 1 + failed 1 + suppressed 1 = 7; opened at least once 3 of 4 delivered.
    expect(nonZero(body.email.counts)).toEqual({
      total: 8,
      delivered: 4,
      bounced: 1,
      suppressed: 1,
      failed: 1,
      delivery_delayed: 1,
      opened: 3,
      clicked: 1,
      complained: 1,
    });
    expect(body.email.rates).toEqual({
      deliveryRate: 0.5714,
      bounceRate: 0.1429,
      openRate: 0.75,
      clickRate: 0.25,
      complaintRate: 0.25,
    });

    // One campaign: e8 (autumn) leaves: delivered 3, settled 6, opened 2.
    const spring = (await api.metrics(`from=${FROM}&until=${UNTIL}&campaign=spring&channel=email`)).body;
    expect(spring).toMatchObject({ channel: "email", campaign: "spring" });
    expect(spring.sms).toBeUndefined();
    expect(spring.email.counts).toMatchObject({ total: 7, delivered: 3, opened: 2 });
    expect(spring.email.rates).toEqual({
      deliveryRate: 0.5,
      bounceRate: 0.1667,
      openRate: 0.6667,
      clickRate: 0.3333,
      complaintRate: 0.3333,
    });

    const onlySms = (await api.metrics(`from=${FROM}&until=${UNTIL}&channel=sms`)).body;
    expect(onlySms.email).toBeUndefined();
    expect(onlySms.sms).toEqual(body.sms);

    // Widened by one hour on each side: s7, s8 and e9 come in.
    const wide = (await api.metrics(`from=2026-03-01T09:00:00Z&until=2026-03-01T13:00:00Z`)).body;
    expect(wide.sms.counts).toMatchObject({ total: 8, delivered: 3, undelivered: 2 });
    expect(wide.sms.rates.deliveryRate).toBe(0.5);
    expect(wide.email.counts).toMatchObject({ total: 9, delivered: 5 });

    // Counters are hourly: a range inside an hour covers that whole hour (documented), and an empty range has no rates.
    const inside = (await api.metrics(`from=2026-03-01T10:30:00Z&until=2026-03-01T10:40:00Z`)).body;
    expect(inside.range).toEqual({ from: at("10:00"), until: at("11:00") });
    expect(inside.sms.counts.total).toBe(3);
    const empty = (await api.metrics(`from=2020-01-01T00:00:00Z&until=2020-01-02T00:00:00Z`)).body;
    expect(empty.sms).toEqual({ counts: { total: 0, deliveredTotal: 0 }, rates: { deliveryRate: null } });
    expect(empty.email.rates).toEqual({
      deliveryRate: null,
      bounceRate: null,
      openRate: null,
      clickRate: null,
      complaintRate: null,
    });

    expectApiError(await api.metrics("from=yesterday"), 400, "invalid_request");
    expectApiError(await api.metrics("channel=fax"), 400, "invalid_request");

    await expectCountersMatchMessages(h.db);
  });
});
