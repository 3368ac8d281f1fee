// The daily counters (message_stat_daily, message_rollup_daily) sum the hourly ones per day in one time
// zone, recorded in daily_counter_zone. Writers compute the day from the recorded zone inside their SQL, so
// the daily tables always agree with themselves; readers use them only when the recorded zone is the one
// they show days in (otherwise they read hours, slower but exact). At start, a server whose
// DASHBOARD_TIMEZONE differs from the recorded zone rebuilds the daily tables for its zone.
import type { SqlSession } from "../db/sql-driver";

/** The recorded zone, as an SQL expression (no row: the tables were built for UTC, as the migration did). */
export const DAILY_ZONE_SQL = `coalesce((SELECT zone FROM daily_counter_zone WHERE id = 1), 'UTC')`;

/** The day (in the recorded zone) an hour bucket belongs to: the day its start falls in. */
export const dayOfBucketSql = (bucket: string) => `(${bucket} AT TIME ZONE ${DAILY_ZONE_SQL})::date`;

export async function readDailyZone(session: SqlSession): Promise<string> {
  const rows = await session.query<{ zone: string }>(`SELECT ${DAILY_ZONE_SQL} AS zone`);
  return rows[0].zone;
}

/**
 * Rebuilds both daily tables from the hourly ones for `zone` and records it, in the caller's transaction.
 * The hourly tables are locked against writers first (readers go on), so no batch lands between the copy
 * and the commit; a batch waiting on the lock then writes its days in the new zone. Zero sums are kept:
 * the daily keys are exactly the hourly ones' days, so a read shows the same metrics whichever it uses.
 */
export async function rebuildDailyCounters(session: SqlSession, zone: string): Promise<void> {
  await session.exec(
    "LOCK TABLE message_stat, message_rollup, message_stat_daily, message_rollup_daily, daily_counter_zone IN SHARE ROW EXCLUSIVE MODE",
  );
  await session.query(
    `INSERT INTO daily_counter_zone (id, zone, built_at) VALUES (1, $1, now())
     ON CONFLICT (id) DO UPDATE SET zone = EXCLUDED.zone, built_at = EXCLUDED.built_at`,
    [zone],
  );
  await session.exec("DELETE FROM message_stat_daily; DELETE FROM message_rollup_daily;");
  await session.query(
    `INSERT INTO message_stat_daily (day, channel, campaign, metric, count)
     SELECT (bucket AT TIME ZONE $1)::date, channel, campaign, metric, sum(count)
       FROM message_stat GROUP BY 1, 2, 3, 4`,
    [zone],
  );
  await session.query(
    `INSERT INTO message_rollup_daily (day, channel, campaign, dimension, value, count)
     SELECT (bucket AT TIME ZONE $1)::date, channel, campaign, dimension, value, sum(count)
       FROM message_rollup GROUP BY 1, 2, 3, 4, 5`,
    [zone],
  );
}

export interface DailyZoneSync {
  rebuilt: boolean;
  from: string;
  zone: string;
}

/** At start: rebuilds the daily tables when they were built for another zone than `zone` (one transaction). */
export async function syncDailyZone(
  sql: { transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> },
  zone: string,
): Promise<DailyZoneSync> {
  return sql.transaction(async (session) => {
    const recorded = await readDailyZone(session);
    if (recorded === zone) return { rebuilt: false, from: recorded, zone };
    await rebuildDailyCounters(session, zone);
    return { rebuilt: true, from: recorded, zone };
  });
}
