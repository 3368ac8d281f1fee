// The counters behind every rate: messages by status (and engagement facts), keyed by the message's send
// hour, channel and campaign, and summed per day beside them (message_stat_daily). Moved by deltas in the
// same transaction as the change they count.
import { dayOfBucketSql } from "../counters/daily-zone";
import { toJsonParam } from "../db/json-param";
import type { TransactionClient } from "./tx";

export interface StatKey {
  sentAt: Date;
  channel: string;
  campaign: string | null;
}

export interface StatFacts {
  status: string;
  opened: boolean;
  clicked: boolean;
  complained: boolean;
}

export function hourBucket(date: Date): Date {
  const d = new Date(date);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/** Accumulates deltas in memory, so one statement writes them all (and each key once). */
export class StatDeltas {
  private readonly deltas = new Map<
    string,
    { bucket: string; channel: string; campaign: string; metric: string; delta: number }
  >();

  add(key: StatKey, metric: string, delta: number): void {
    if (delta === 0) return;
    const bucket = hourBucket(key.sentAt).toISOString();
    const campaign = key.campaign ?? "";
    const id = `${bucket}|${key.channel}|${campaign}|${metric}`;
    const entry = this.deltas.get(id) ?? { bucket, channel: key.channel, campaign, metric, delta: 0 };
    entry.delta += delta;
    this.deltas.set(id, entry);
  }

  /** A new message: counted in "total" and in its first status. */
  registered(key: StatKey, status: string): void {
    this.add(key, "total", 1);
    this.add(key, status, 1);
  }

  /** A message whose state changed: moves it between status counters and counts first engagements. */
  changed(key: StatKey, before: StatFacts, after: StatFacts): void {
    if (before.status !== after.status) {
      this.add(key, before.status, -1);
      this.add(key, after.status, 1);
    }
    for (const fact of ["opened", "clicked", "complained"] as const) {
      if (!before[fact] && after[fact]) this.add(key, fact, 1);
    }
  }

  get size(): number {
    return this.deltas.size;
  }

  async write(tx: TransactionClient): Promise<void> {
    const rows = [...this.deltas.values()].filter((r) => r.delta !== 0);
    if (!rows.length) return;
    // Sorted, so two transactions touching the same counters lock them in the same order (no deadlock).
    rows.sort((a, b) =>
      (a.bucket + a.channel + a.campaign + a.metric).localeCompare(
        b.bucket + b.channel + b.campaign + b.metric,
      ),
    );
    // One statement writes the hours and the days they fall in (lib/counters/daily-zone.ts): the daily rows
    // are locked in the same sorted order by every writer, then the hourly ones.
    await tx.$executeRawUnsafe(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS r(bucket timestamptz, channel text, campaign text, metric text, delta bigint)),
       hourly AS (
         INSERT INTO message_stat (bucket, channel, campaign, metric, count)
         SELECT bucket, channel, campaign, metric, delta FROM r
         ON CONFLICT (bucket, channel, campaign, metric) DO UPDATE SET count = message_stat.count + EXCLUDED.count)
       INSERT INTO message_stat_daily (day, channel, campaign, metric, count)
       SELECT ${dayOfBucketSql("bucket")}, channel, campaign, metric, sum(delta) FROM r
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
       ON CONFLICT (day, channel, campaign, metric) DO UPDATE SET count = message_stat_daily.count + EXCLUDED.count`,
      toJsonParam(rows),
    );
  }
}
