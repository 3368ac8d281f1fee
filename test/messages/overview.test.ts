// The overview's data layer against a scenario computed by hand: SMS failures by error code, bounces by
// type/subtype and clicks per link are written with the events (also for events that arrived before
// their message, and never twice for a redelivery), and the overview's cards equal
// GET /api/metrics/summary for the same filters, range presets included. On every target.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { getOverview } from "@/lib/queries/overview/get-overview";
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
} from "./harness";

const NOW = new Date();
const sentAt = new Date(NOW.getTime() - 2 * 3_600_000).toISOString();
const click = (link: string) => ({
  data: { click: { link, ipAddress: "203.0.113.9", userAgent: "test", timestamp: new Date().toISOString() } },
});

describe.each(testTargets)("overview data (%s)", (target) => {
  const h = useMessagesHarness(target);

  async function register(channel: "sms" | "email", campaign: string, externalId?: string) {
    const id = externalId ?? (channel === "sms" ? newSid() : newEmailId());
    const to = channel === "sms" ? newPhone() : newEmail();
    const r = await api.register({ channel, to, campaign, externalId: id, sentAt });
    expect(r.status).toBe(201);
    return { id: r.body.id as string, externalId: id, to };
  }

  it("breakdowns come from rollups written with the events, and the cards equal the API", async () => {
    // SMS: two 30003, one 30007, one failed through the API (21211), one delivered.
    for (const code of ["30003", "30003", "30007"]) {
      const m = await register("sms", "spring");
      await postSms({ sid: m.externalId, to: m.to, status: "sent" });
      await postSms({ sid: m.externalId, to: m.to, status: "undelivered", errorCode: code });
    }
    const refused = await register("sms", "spring");
    expect((await api.fail(refused.id, { code: "21211" })).status).toBe(201);
    const ok = await register("sms", "autumn");
    await postSms({ sid: ok.externalId, to: ok.to, status: "delivered" });
    // A failure reported before the message was registered: counted once it is linked.
    const early = newSid();
    const earlyTo = newPhone();
    expect((await postSms({ sid: early, to: earlyTo, status: "failed", errorCode: "30007" })).outcome).toBe(
      "unmatched",
    );
    await register("sms", "spring", early);

    // Email: bounces, and one delivered then bounced (moves from delivered to bounced).
    const hard = await register("email", "spring");
    await postEmail({
      emailId: hard.externalId,
      to: hard.to,
      type: "bounced",
      bounce: { type: "Permanent" },
    });
    const soft = await register("email", "spring");
    await postEmail({
      emailId: soft.externalId,
      to: soft.to,
      type: "bounced",
      bounce: { type: "Temporary", subType: "MailboxFull" },
    });
    const later = await register("email", "autumn");
    await postEmail({ emailId: later.externalId, to: later.to, type: "delivered" });
    await postEmail({
      emailId: later.externalId,
      to: later.to,
      type: "bounced",
      bounce: { type: "Permanent" },
    });

    // Clicks: A twice (a redelivery of one of them changes nothing), B once before registration.
    const reader = await register("email", "spring");
    await postEmail({ emailId: reader.externalId, to: reader.to, type: "delivered" });
    await postEmail({
      emailId: reader.externalId,
      to: reader.to,
      type: "clicked",
      svix: "msg_click_1",
      ...click("https://a.example/"),
    });
    expect(
      (
        await postEmail({
          emailId: reader.externalId,
          to: reader.to,
          type: "clicked",
          svix: "msg_click_1",
          ...click("https://a.example/"),
        })
      ).outcome,
    ).toBe("duplicate");
    await postEmail({
      emailId: reader.externalId,
      to: reader.to,
      type: "clicked",
      ...click("https://a.example/"),
    });
    const earlyEmail = newEmailId();
    await postEmail({ emailId: earlyEmail, type: "clicked", ...click("https://b.example/") });
    await register("email", "autumn", earlyEmail);

    await expectCountersMatchMessages(h.db);

    const overview = await getOverview(h.db, { range: "24h" }, { timeZone: "UTC", defaultPreset: "7d" });
    expect(overview.hasTraffic).toBe(true);
    expect(overview.breakdowns.failures.map((f) => [f.code, f.count])).toEqual([
      ["30003", 2],
      ["30007", 2],
      ["21211", 1],
    ]);
    expect(overview.breakdowns.failures[0].share).toBe(0.4);
    expect(overview.breakdowns.bounces.map((b) => [b.type, b.subType, b.count])).toEqual([
      ["Permanent", "General", 2],
      ["Temporary", "MailboxFull", 1],
    ]);
    expect(overview.breakdowns.links).toEqual([
      { url: "https://a.example/", clicks: 2 },
      { url: "https://b.example/", clicks: 1 },
    ]);
    // The charts sum to the summary (each message in its send hour's point).
    const sum = <T extends object>(points: T[] | null, key: keyof T) =>
      (points ?? []).reduce((n, p) => n + Number(p[key]), 0);
    expect(sum(overview.charts.sms, "delivered")).toBe(overview.summary.sms?.counts.deliveredTotal);
    expect(sum(overview.charts.sms, "undelivered")).toBe(3);
    expect(sum(overview.charts.sms, "failed")).toBe(2);
    expect(sum(overview.charts.email, "bounced")).toBe(3);
    expect(sum(overview.charts.email, "delivered")).toBe(overview.summary.email?.counts.delivered);
    const weekly = await getOverview(
      h.db,
      { range: "7d" },
      { timeZone: "Europe/Berlin", defaultPreset: "7d" },
    );
    expect(weekly.charts.sms).toHaveLength(7);
    expect(sum(weekly.charts.sms, "failed")).toBe(2);
    expect(overview.campaigns.map((c) => [c.campaign, c.total])).toEqual([
      ["spring", 8],
      ["autumn", 3],
    ]);

    // One campaign: the breakdowns follow the filter.
    const spring = await getOverview(
      h.db,
      { range: "24h", campaign: "spring" },
      { timeZone: "UTC", defaultPreset: "7d" },
    );
    expect(spring.breakdowns.bounces.map((b) => b.count)).toEqual([1, 1]);
    expect(spring.breakdowns.links).toEqual([{ url: "https://a.example/", clicks: 2 }]);

    // The page's numbers are the API's, for the same filters and preset.
    for (const query of [
      "range=24h",
      "range=7d&campaign=spring",
      "range=30d&channel=email&campaign=autumn",
    ]) {
      const params = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>;
      const page = await getOverview(h.db, params, { timeZone: "UTC", defaultPreset: "7d" });
      const answer = await api.metrics(query);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(page.summary);
    }
    expect(overview.summary.sms?.counts).toMatchObject({
      total: 6,
      undelivered: 3,
      failed: 2,
      deliveredTotal: 1,
    });

    expectApiError(await api.metrics("range=7d&from=2026-11-01"), 400, "invalid_request");
    expectApiError(await api.metrics("range=1y"), 400, "invalid_request");
    expectApiError(await api.metrics("from=2026-11-02&until=2026-11-01"), 400, "invalid_request");
  });

  it("no traffic: nothing to show, and the overview says so", async () => {
    const overview = await getOverview(h.db, {}, { timeZone: "Europe/Berlin", defaultPreset: "7d" });
    expect(overview.hasTraffic).toBe(false);
    expect(overview.range.preset).toBe("7d");
    expect(overview.charts.sms).toHaveLength(7);
    expect(overview.campaigns).toEqual([]);
  });
});
