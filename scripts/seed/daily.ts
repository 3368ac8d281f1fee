// After the chunks: the daily counters summed from the hourly ones the chunks wrote, for the zone they are
// recorded for (a server started with another DASHBOARD_TIMEZONE rebuilds them itself), in one statement
// per table rather than per chunk.
import { readDailyZone, rebuildDailyCounters } from "../../lib/counters/daily-zone";
import type { Database } from "../../lib/db/open";

export async function refillDailyCounters(db: Database): Promise<void> {
  await db.sql.transaction(async (s) => rebuildDailyCounters(s, await readDailyZone(s)));
  await db.sql.withSession((s) => s.exec("ANALYZE message_stat_daily; ANALYZE message_rollup_daily;"));
}
