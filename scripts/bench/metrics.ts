// Optional: GET /api/metrics/summary at 1M messages. A dedicated PostgreSQL database, migrated by a bench
// server, is filled straight with SQL (generate_series): 1M messages over the last 30 days, 2 channels,
// 20 campaigns, and the hourly counters (message_stat) they imply. Then the endpoint is timed one request
// at a time, as a dashboard page would call it.
import { BENCH_SECRETS } from "./env";
import { say } from "./log";
import { createDatabase, withClient } from "./postgres";
import { startServer } from "./server";
import { summarize, type LatencySummary } from "./stats";

export interface MetricsQueryTiming {
  query: string;
  latency: LatencySummary;
  samples: number;
}

export interface MetricsResult {
  messages: number;
  statRows: number;
  seedSeconds: number;
  timings: MetricsQueryTiming[];
}

const SEED_MESSAGES = `
INSERT INTO message (channel, recipient, provider, campaign, status, status_rank, status_at, sent_at, delivered_at, created_at, updated_at)
SELECT ch,
       CASE WHEN ch = 'sms' THEN '+1415' || lpad((3000000 + g % 7000000)::text, 7, '0') ELSE 'user' || g || '@example.com' END,
       CASE WHEN ch = 'sms' THEN 'twilio' ELSE 'resend' END,
       'campaign-' || (g % 20), st, 0, sent, sent,
       CASE WHEN st = 'delivered' THEN sent + interval '5 seconds' END, sent, sent
  FROM (SELECT g,
               CASE WHEN g % 2 = 0 THEN 'sms' ELSE 'email' END AS ch,
               now() - (g::bigint * 2592 / 1000) * interval '1 second' AS sent,
               CASE WHEN g % 100 < 90 THEN 'delivered'
                    WHEN g % 100 < 95 THEN CASE WHEN g % 2 = 0 THEN 'undelivered' ELSE 'bounced' END
                    ELSE 'failed' END AS st
          FROM generate_series(1, $1::int) AS g) AS s`;

const SEED_COUNTERS = `
INSERT INTO message_stat (bucket, channel, campaign, metric, count)
SELECT date_trunc('hour', sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', channel, coalesce(campaign, ''), metric, count(*)
  FROM message
 CROSS JOIN LATERAL (VALUES ('total'), (status),
                            (CASE WHEN channel = 'email' AND status = 'delivered' AND hashtext(id::text) % 10 < 4 THEN 'opened' END),
                            (CASE WHEN channel = 'email' AND status = 'delivered' AND hashtext(id::text) % 10 = 0 THEN 'clicked' END)) AS m(metric)
 WHERE metric IS NOT NULL
 GROUP BY 1, 2, 3, 4`;

/** The daily counters the server reads whole days from (built for UTC, the bench server's zone). */
const SEED_DAILY_COUNTERS = `
INSERT INTO message_stat_daily (day, channel, campaign, metric, count)
SELECT (bucket AT TIME ZONE 'UTC')::date, channel, campaign, metric, sum(count) FROM message_stat GROUP BY 1, 2, 3, 4`;

async function time(url: string, samples: number): Promise<LatencySummary> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${BENCH_SECRETS.API_KEY}` } });
    await res.text();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await once();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await once());
  return summarize(latencies);
}

export async function runMetrics(
  root: string,
  tmp: string,
  messages: number,
  samples: number,
): Promise<MetricsResult> {
  const database = await createDatabase("metrics");
  const server = await startServer({
    root,
    name: "pg-metrics",
    databaseUrl: database.url,
    dataDir: tmp,
    logDir: tmp,
  });
  try {
    say(`seeding ${messages.toLocaleString("en-US")} messages and their counters…`);
    const started = Date.now();
    const statRows = await withClient(database.url, async (c) => {
      await c.query(SEED_MESSAGES, [messages]);
      const inserted = await c.query(SEED_COUNTERS);
      await c.query(SEED_DAILY_COUNTERS);
      await c.query("ANALYZE message; ANALYZE message_stat; ANALYZE message_stat_daily;");
      return inserted.rowCount ?? 0;
    });
    const seedSeconds = (Date.now() - started) / 1000;
    say(`seeded in ${seedSeconds.toFixed(1)} s (${statRows} counter rows)`);
    const timings: MetricsQueryTiming[] = [];
    for (const query of ["", "?channel=email&campaign=campaign-3", "?channel=sms"]) {
      const latency = await time(`${server.url}/api/metrics/summary${query}`, samples);
      timings.push({ query: `GET /api/metrics/summary${query}`, latency, samples });
      say(`${timings.at(-1)!.query}: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
    }
    return { messages, statRows, seedSeconds, timings };
  } finally {
    await server.stop();
    await database.drop();
  }
}
