// The daily counters against a plain SQL sum over the hourly ones (the oracle never splits a period): data
// seeded in bulk and ingested through the API and signed webhooks over two weeks around a DST change in a
// non-UTC zone, then many random ranges — presets at random moments, custom ranges on and off day
// boundaries, with and without filters — give the summary, the previous period, the campaign table, the
// daily chart and the breakdowns exactly the oracle's numbers. Then the zone changes: the daily tables are
// rebuilt for it at start, and a reader whose zone no longer matches them still gets exact numbers.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { readDailyZone, syncDailyZone } from "@/lib/counters/daily-zone";
import type { Database } from "@/lib/db/open";
import { bucketCounts, type HourlyCount } from "@/lib/overview/buckets";
import { shapeBreakdowns, type RollupCount } from "@/lib/overview/breakdowns";
import { shapeCampaignRows, type CampaignCount } from "@/lib/overview/campaign-rows";
import { shapeEmailChart, shapeSmsChart } from "@/lib/overview/charts";
import { resolveRange, type Period, type RangeInput, type RangePreset } from "@/lib/overview/range";
import { splitPeriod } from "@/lib/overview/day-split";
import { buildStatCards } from "@/lib/overview/stat-cards";
import {
  getMetricsSummary,
  sumChannelCounts,
  toMetricsSummary,
  type SummaryFilters,
} from "@/lib/queries/get-metrics-summary";
import { getOverview } from "@/lib/queries/overview/get-overview";
import { seedMessages } from "@/scripts/seed/run";
import { testTargets } from "../support/databases";
import {
  api,
  newEmail,
  newEmailId,
  newPhone,
  newSid,
  postEmail,
  postSms,
  useMessagesHarness,
} from "./harness";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** New York leaves summer time on 2026-11-01 (a 25-hour day) inside the data's two weeks. */
const ZONE = "America/New_York";
const DATA_NOW = new Date("2026-11-06T15:20:00Z");

let seed = 20261101;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

// ------------------------------------------------------------------------------------------ the oracle

function where(period: Period, filters: SummaryFilters, params: unknown[]): string {
  params.push(period.from, period.until);
  let sql = `bucket >= $${params.length - 1} AND bucket < $${params.length}`;
  if (filters.channel) sql += ` AND channel = $${params.push(filters.channel)}`;
  if (filters.campaign !== undefined) sql += ` AND campaign = $${params.push(filters.campaign)}`;
  return sql;
}

async function hourlyByCampaign(db: Database, period: Period, filters: SummaryFilters) {
  const params: unknown[] = [];
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ campaign: string; channel: string; metric: string; n: bigint }>
  >(
    `SELECT campaign, channel, metric, sum(count)::bigint AS n FROM message_stat
      WHERE ${where(period, filters, params)} GROUP BY 1, 2, 3`,
    ...params,
  );
  return rows.map((r): CampaignCount => ({ ...r, count: Number(r.n) }));
}

async function hourlyRows(db: Database, period: Period, filters: SummaryFilters): Promise<HourlyCount[]> {
  const params: unknown[] = [];
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ bucket: Date; channel: string; metric: string; n: bigint }>
  >(
    `SELECT bucket, channel, metric, sum(count)::bigint AS n FROM message_stat
      WHERE ${where(period, filters, params)} GROUP BY 1, 2, 3`,
    ...params,
  );
  return rows.map((r) => ({ bucket: r.bucket, channel: r.channel, metric: r.metric, count: Number(r.n) }));
}

async function hourlyTopRollups(db: Database, period: Period, filters: SummaryFilters, limit: number) {
  const params: unknown[] = [];
  const clause = where(period, filters, params);
  const rows = await db.prisma.$queryRawUnsafe<Array<{ dimension: string; value: string; n: bigint }>>(
    `SELECT dimension, value, n FROM (
       SELECT dimension, value, n, row_number() OVER (PARTITION BY dimension ORDER BY n DESC, value) AS place
         FROM (SELECT dimension, value, sum(count)::bigint AS n FROM message_rollup
                WHERE ${clause} GROUP BY 1, 2) AS sums WHERE n > 0) AS ranked
      WHERE place <= ${limit}`,
    ...params,
  );
  return rows.map((r): RollupCount => ({ dimension: r.dimension, value: r.value, count: Number(r.n) }));
}

/** Daily rows that differ from the hourly ones grouped by their day in `zone` (both directions). */
async function dailyMismatches(db: Database, zone: string): Promise<unknown[]> {
  const stat = await db.prisma.$queryRawUnsafe<unknown[]>(
    `WITH d AS (SELECT day, channel, campaign, metric, count FROM message_stat_daily WHERE count <> 0),
          h AS (SELECT (bucket AT TIME ZONE $1)::date AS day, channel, campaign, metric, sum(count)::bigint AS count
                  FROM message_stat GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0)
     SELECT 'stat' AS t, d.day::text AS daily, h.day::text AS hourly, coalesce(d.metric, h.metric) AS metric,
            d.count::int AS dn, h.count::int AS hn
       FROM d FULL JOIN h USING (day, channel, campaign, metric)
      WHERE d.count IS DISTINCT FROM h.count`,
    zone,
  );
  const rollup = await db.prisma.$queryRawUnsafe<unknown[]>(
    `WITH d AS (SELECT day, channel, campaign, dimension, value, count FROM message_rollup_daily WHERE count <> 0),
          h AS (SELECT (bucket AT TIME ZONE $1)::date AS day, channel, campaign, dimension, value,
                       sum(count)::bigint AS count
                  FROM message_rollup GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0)
     SELECT 'rollup' AS t, d.day::text AS daily, h.day::text AS hourly, coalesce(d.value, h.value) AS value,
            d.count::int AS dn, h.count::int AS hn
       FROM d FULL JOIN h USING (day, channel, campaign, dimension, value)
      WHERE d.count IS DISTINCT FROM h.count`,
    zone,
  );
  return [...stat, ...rollup];
}

// ------------------------------------------------------------------------------------------ the ranges

/** An ISO instant in `zone`'s offset at that moment or in UTC, at a random minute (off hour boundaries). */
function isoInstant(t: number): string {
  const d = new Date(t);
  if (random() < 0.5) return d.toISOString();
  // A fixed -05:00 offset (New York's winter offset): the same instant, another spelling.
  const local = new Date(t - 5 * HOUR).toISOString().slice(0, 19);
  return `${local}-05:00`;
}

const dayString = (t: number) => new Date(t - 5 * HOUR).toISOString().slice(0, 10);

interface Case {
  input: RangeInput;
  now: Date;
  filters: SummaryFilters;
}

function randomCase(campaigns: readonly string[]): Case {
  const channel = pick([undefined, undefined, "sms", "email"] as const);
  const campaign = random() < 0.3 ? pick(campaigns) : undefined;
  const filters: SummaryFilters = { channel, campaign };
  const now = new Date(
    DATA_NOW.getTime() + Math.floor((random() * 5 - 3) * DAY) + Math.floor(random() * HOUR),
  );
  const kind = random();
  if (kind < 0.4)
    return { input: { range: pick(["24h", "7d", "30d", "90d"] as RangePreset[]) }, now, filters };
  const from = DATA_NOW.getTime() - Math.floor(random() * 15 * DAY) - Math.floor(random() * HOUR);
  const until = from + Math.floor((1 + random() * 10 * 24) * HOUR) + Math.floor(random() * HOUR);
  if (kind < 0.6) return { input: { from: dayString(from), until: dayString(until + DAY) }, now, filters };
  return { input: { from: isoInstant(from), until: isoInstant(until) }, now, filters };
}

async function expectMatchesOracle(db: Database, zone: string, c: Case): Promise<void> {
  const label = JSON.stringify(c);
  const range = resolveRange(c.input, { now: c.now, timeZone: zone, defaultPreset: "7d" });
  const wantSms = !c.filters.channel || c.filters.channel === "sms";
  const wantEmail = !c.filters.channel || c.filters.channel === "email";

  const current = await hourlyByCampaign(db, range, { channel: c.filters.channel });
  const previous = await hourlyByCampaign(db, range.previous, { channel: c.filters.channel });
  const summary = toMetricsSummary(range, c.filters, sumChannelCounts(current, c.filters.campaign));
  const previousSummary = toMetricsSummary(
    range.previous,
    c.filters,
    sumChannelCounts(previous, c.filters.campaign),
  );
  const hours = await hourlyRows(db, range, c.filters);
  const top = await hourlyTopRollups(db, range, c.filters, 10);
  const n = (k: string, s = summary.sms) => s?.counts[k] ?? 0;

  const api = await getMetricsSummary(db, { ...c.input, ...c.filters }, { now: c.now, timeZone: zone });
  expect(api, label).toEqual(summary);

  const overview = await getOverview(
    db,
    { ...c.input, ...c.filters },
    {
      now: c.now,
      timeZone: zone,
      defaultPreset: "7d",
    },
  );
  expect(overview.summary, label).toEqual(summary);
  expect(overview.cards, label).toEqual({
    sms: wantSms ? buildStatCards("sms", summary.sms!, previousSummary.sms!) : null,
    email: wantEmail ? buildStatCards("email", summary.email!, previousSummary.email!) : null,
  });
  expect(overview.campaigns, label).toEqual(shapeCampaignRows(current));
  expect(overview.charts, label).toEqual({
    sms: wantSms ? shapeSmsChart(bucketCounts(hours, "sms", range)) : null,
    email: wantEmail ? shapeEmailChart(bucketCounts(hours, "email", range)) : null,
  });
  expect(overview.breakdowns, label).toEqual(
    shapeBreakdowns(top, {
      smsFailures: n("undelivered") + n("failed"),
      emailBounces: n("bounced", summary.email),
    }),
  );
}

// ------------------------------------------------------------------------------------------ the data

/** Messages through the API and signed webhooks: status moves, failures with codes, bounces, clicks. */
async function ingest(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const sentAt = new Date(DATA_NOW.getTime() - Math.floor(random() * 13 * DAY)).toISOString();
    const campaign = pick(["daily-a", "daily-b"]);
    if (i % 2 === 0) {
      const sid = newSid();
      const to = newPhone();
      const r = await api.register({ channel: "sms", to, campaign, externalId: sid, sentAt });
      expect(r.status).toBe(201);
      await postSms({ sid, to, status: "sent" });
      if (i % 4 === 0) await postSms({ sid, to, status: "undelivered", errorCode: pick(["30003", "30007"]) });
      else await postSms({ sid, to, status: "delivered" });
    } else {
      const emailId = newEmailId();
      const to = newEmail();
      const r = await api.register({ channel: "email", to, campaign, externalId: emailId, sentAt });
      expect(r.status).toBe(201);
      await postEmail({ emailId, to, type: "delivered" });
      if (i % 3 === 0) {
        await postEmail({ emailId, to, type: "bounced", bounce: { type: "Permanent" } });
      } else {
        await postEmail({ emailId, to, type: "opened" });
        await postEmail({
          emailId,
          to,
          type: "clicked",
          data: {
            click: {
              link: pick(["https://example.com/a", "https://example.com/b"]),
              ipAddress: "203.0.113.9",
              userAgent: "test",
              timestamp: new Date().toISOString(),
            },
          },
        });
      }
    }
  }
}

describe.each(testTargets)("daily counters (%s)", (target) => {
  const h = useMessagesHarness(target);

  it("give every range the numbers of a plain sum over the hourly counters, then follow a zone change", async () => {
    // What the server does at start for DASHBOARD_TIMEZONE.
    expect(await syncDailyZone(h.db.sql, ZONE)).toEqual({ rebuilt: true, from: "UTC", zone: ZONE });
    await seedMessages(h.db, { messages: 2500, days: 13 }, undefined, DATA_NOW);
    await ingest(24);
    expect(await dailyMismatches(h.db, ZONE)).toEqual([]);
    // Both sources are used: a day is in both tables.
    expect(await h.db.prisma.messageStatDaily.count()).toBeGreaterThan(0);

    const campaigns = (
      await h.db.prisma.messageStat.findMany({ distinct: ["campaign"], select: { campaign: true } })
    )
      .map((r) => r.campaign)
      .filter((c) => c !== "");
    expect(campaigns.length).toBeGreaterThan(3);

    // Fixed cases first: a range on New York's day boundaries around the 25-hour day, and one off them.
    const fixed: Case[] = [
      { input: { from: "2026-10-30", until: "2026-11-03" }, now: DATA_NOW, filters: {} },
      {
        input: { from: "2026-10-30T07:10:00-04:00", until: "2026-11-04T13:50:00-05:00" },
        now: DATA_NOW,
        filters: { channel: "email" },
      },
      { input: { range: "7d" }, now: DATA_NOW, filters: { campaign: "daily-a" } },
      { input: { range: "24h" }, now: DATA_NOW, filters: {} },
    ];
    for (const c of fixed) await expectMatchesOracle(h.db, ZONE, c);
    const shapes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const c = randomCase(campaigns);
      const split = splitPeriod(
        resolveRange(c.input, { now: c.now, timeZone: ZONE, defaultPreset: "7d" }),
        ZONE,
      );
      shapes.add(`${split.days ? "days" : "no days"} + ${split.hours.length} edges`);
      await expectMatchesOracle(h.db, ZONE, c);
    }
    // The random ranges took every path: days only, days with one or two edges, hours only.
    expect([...shapes].sort()).toEqual([
      "days + 0 edges",
      "days + 1 edges",
      "days + 2 edges",
      "no days + 1 edges",
    ]);

    // Another zone at start: the daily tables are rebuilt for it, once.
    expect(await syncDailyZone(h.db.sql, "Asia/Kolkata")).toEqual({
      rebuilt: true,
      from: ZONE,
      zone: "Asia/Kolkata",
    });
    expect(await syncDailyZone(h.db.sql, "Asia/Kolkata")).toMatchObject({ rebuilt: false });
    expect(await h.db.sql.withSession(readDailyZone)).toBe("Asia/Kolkata");
    expect(await dailyMismatches(h.db, "Asia/Kolkata")).toEqual([]);
    // Ingest goes on in the recorded zone.
    await ingest(6);
    expect(await dailyMismatches(h.db, "Asia/Kolkata")).toEqual([]);
    for (let i = 0; i < 10; i++) await expectMatchesOracle(h.db, "Asia/Kolkata", randomCase(campaigns));
    // A reader in another zone than the tables' (an instance configured apart) reads hours: still exact.
    for (let i = 0; i < 10; i++) await expectMatchesOracle(h.db, ZONE, randomCase(campaigns));
  }, 240_000);
});
