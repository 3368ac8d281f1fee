// Breakdowns the overview shows beside the rates — SMS failures by Twilio error code, email bounces by
// type/subtype, clicks per link — kept like the counters (lib/messages/stats.ts): keyed by the message's
// send hour, channel and campaign (and per day beside them, message_rollup_daily), moved by deltas in the
// same transaction as the change they count, so a page never scans events. Failures and bounces follow the message's current status: their sums equal the
// failed + undelivered and bounced counters for any range and campaign.
import { dayOfBucketSql } from "../counters/daily-zone";
import { toJsonParam } from "../db/json-param";
import { hourBucket, type StatKey } from "./stats";
import type { TransactionClient } from "./tx";

export type RollupDimension = "sms_error" | "email_bounce" | "link";

export interface RollupFacts {
  status: string;
  errorCode: string | null;
  bounceType: string | null;
  bounceSubType: string | null;
}

/** Long URLs are cut so the key stays within an index entry; the start is what tells links apart. */
const MAX_VALUE_LENGTH = 1000;

const SMS_FAILURES = new Set(["undelivered", "failed"]);

/** Which failure or bounce bucket a message in this state counts in, if any. */
export function rollupEntry(
  channel: string,
  facts: RollupFacts,
): { dimension: RollupDimension; value: string } | null {
  if (channel === "sms" && SMS_FAILURES.has(facts.status)) {
    return { dimension: "sms_error", value: facts.errorCode ?? "" };
  }
  if (channel === "email" && facts.status === "bounced") {
    return { dimension: "email_bounce", value: `${facts.bounceType ?? ""}/${facts.bounceSubType ?? ""}` };
  }
  return null;
}

interface RollupRow {
  bucket: string;
  channel: string;
  campaign: string;
  dimension: RollupDimension;
  value: string;
  delta: number;
}

/** Accumulates deltas in memory, so one statement writes them all (and each key once). */
export class RollupDeltas {
  private readonly deltas = new Map<string, RollupRow>();

  add(key: StatKey, dimension: RollupDimension, rawValue: string, delta: number): void {
    if (delta === 0) return;
    const bucket = hourBucket(key.sentAt).toISOString();
    const campaign = key.campaign ?? "";
    const value = rawValue.slice(0, MAX_VALUE_LENGTH);
    const id = `${bucket}|${key.channel}|${campaign}|${dimension}|${value}`;
    const entry = this.deltas.get(id) ?? {
      bucket,
      channel: key.channel,
      campaign,
      dimension,
      value,
      delta: 0,
    };
    entry.delta += delta;
    this.deltas.set(id, entry);
  }

  /** A message whose state changed: moves it between failure/bounce buckets. */
  changed(key: StatKey, before: RollupFacts, after: RollupFacts): void {
    const was = rollupEntry(key.channel, before);
    const now = rollupEntry(key.channel, after);
    if (was?.dimension === now?.dimension && was?.value === now?.value) return;
    if (was) this.add(key, was.dimension, was.value, -1);
    if (now) this.add(key, now.dimension, now.value, 1);
  }

  /** One click event on a link of the message. */
  clicked(key: StatKey, link: string): void {
    this.add(key, "link", link, 1);
  }

  get size(): number {
    return this.deltas.size;
  }

  async write(tx: TransactionClient): Promise<void> {
    const rows = [...this.deltas.values()].filter((r) => r.delta !== 0);
    if (!rows.length) return;
    // Sorted, so two transactions touching the same rows lock them in the same order (no deadlock).
    const sortKey = (r: RollupRow) => `${r.bucket}|${r.channel}|${r.campaign}|${r.dimension}|${r.value}`;
    rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    // The hours and their days (message_rollup_daily) in one statement, as the counters (stats.ts).
    await tx.$executeRawUnsafe(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS r(bucket timestamptz, channel text, campaign text, dimension text, value text, delta bigint)),
       hourly AS (
         INSERT INTO message_rollup (bucket, channel, campaign, dimension, value, count)
         SELECT bucket, channel, campaign, dimension, value, delta FROM r
         ON CONFLICT (bucket, channel, campaign, dimension, value)
           DO UPDATE SET count = message_rollup.count + EXCLUDED.count)
       INSERT INTO message_rollup_daily (day, channel, campaign, dimension, value, count)
       SELECT ${dayOfBucketSql("bucket")}, channel, campaign, dimension, value, sum(delta) FROM r
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT (day, channel, campaign, dimension, value)
         DO UPDATE SET count = message_rollup_daily.count + EXCLUDED.count`,
      toJsonParam(rows),
    );
  }
}
