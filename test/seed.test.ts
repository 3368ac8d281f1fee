// npm run seed's bulk SQL against a real database: the counters and rollups it writes equal a direct
// count over the messages and events it inserted (the same check as for live traffic), its mix looks
// like traffic (both channels, several campaigns, failures with codes, bounces, clicks), and it adds to
// what is there. On every target.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { getMetricsSummary } from "@/lib/queries/get-metrics-summary";
import { seedMessages } from "@/scripts/seed/run";
import { expectCountersMatchMessages, useMessagesHarness } from "./messages/harness";
import { testTargets } from "./support/databases";

describe.each(testTargets)("npm run seed (%s)", (target) => {
  const h = useMessagesHarness(target);

  it("writes messages, events, counters and rollups that agree with each other", async () => {
    const report = await seedMessages(h.db, { messages: 3000, days: 30 });
    expect(report.messages).toBe(3000);
    expect(await h.db.prisma.message.count()).toBe(3000);
    expect(await h.db.prisma.messageEvent.count()).toBe(report.events);
    expect(await h.db.prisma.messageExternalId.count()).toBe(3000);
    await expectCountersMatchMessages(h.db);

    const from = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const summary = await getMetricsSummary(h.db, { from }, { timeZone: "UTC" });
    const sms = summary.sms!;
    const email = summary.email!;
    expect(sms.counts.total + email.counts.total).toBe(3000);
    expect(sms.counts.total).toBeGreaterThan(1000);
    expect(sms.rates.deliveryRate).toBeGreaterThan(0.8);
    expect(sms.rates.deliveryRate).toBeLessThan(0.97);
    expect(email.rates.openRate).toBeGreaterThan(0.3);
    expect(email.counts.bounced).toBeGreaterThan(0);
    const campaigns = await h.db.prisma.message.groupBy({ by: ["campaign"], _count: true });
    expect(campaigns.length).toBeGreaterThan(5);
    const codes = await h.db.prisma.messageRollup.groupBy({ by: ["dimension"], _sum: { count: true } });
    expect(codes.map((c) => c.dimension).sort()).toEqual(["email_bounce", "link", "sms_error"]);

    // The seed loads without foreign-key checks where it may: every reference must hold all the same.
    const [dangling] = await h.db.sql.withSession((s) =>
      s.query<{ events: number; ids: number; unlinked: number }>(
        `SELECT (SELECT count(*) FROM message_event e
                  WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.id = e.message_id))::int AS events,
                (SELECT count(*) FROM message_external_id x
                  WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.id = x.message_id))::int AS ids,
                (SELECT count(*) FROM message_event WHERE message_id IS NULL)::int AS unlinked`,
      ),
    );
    expect(dangling).toEqual({ events: 0, ids: 0, unlinked: 0 });

    // A second run adds to the first, and everything still agrees.
    await seedMessages(h.db, { messages: 500, days: 30 });
    expect(await h.db.prisma.message.count()).toBe(3500);
    await expectCountersMatchMessages(h.db);
  });
});
