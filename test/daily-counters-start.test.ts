// At start, after the migrations: daily counters built for another zone than DASHBOARD_TIMEZONE are rebuilt
// from the hourly ones, the zone is recorded and the rebuild logged; a start in the same zone leaves them.
// On an embedded database in a temporary directory, started twice through the process's runtime.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { closeDatabase, startDatabase } from "@/lib/db/runtime";
import { logger } from "@/lib/logger";
import { applyEnv } from "./support/env";

const saved = { ...process.env };

async function dailyRows() {
  const db = await startDatabase();
  const zone = await db.prisma.dailyCounterZone.findUnique({ where: { id: 1 } });
  const rows = await db.prisma.$queryRawUnsafe<Array<{ day: string; metric: string; n: number }>>(
    `SELECT day::text AS day, metric, count::int AS n FROM message_stat_daily ORDER BY day, metric`,
  );
  return { zone: zone?.zone, rows };
}

describe("daily counters at start", () => {
  afterAll(async () => {
    await closeDatabase();
    process.env = saved;
  });

  it("are rebuilt for a new DASHBOARD_TIMEZONE, once, and the rebuild is logged", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "signalboard-daily-zone-"));
    const warn = vi.spyOn(logger, "warn");
    try {
      applyEnv({ DATABASE_URL: undefined, DATA_DIR: dir, DASHBOARD_TIMEZONE: "UTC" });
      const db = await startDatabase();
      // Two hours that are one UTC day but two days in Tokyo (UTC+9): 10:00Z is the 1st, 16:00Z the 2nd.
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO message_stat (bucket, channel, campaign, metric, count) VALUES
           ('2026-11-01T10:00:00Z', 'sms', '', 'total', 2), ('2026-11-01T16:00:00Z', 'sms', '', 'total', 3)`,
      );
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO message_stat_daily (day, channel, campaign, metric, count) VALUES ('2026-11-01', 'sms', '', 'total', 5)`,
      );
      expect(await dailyRows()).toEqual({
        zone: "UTC",
        rows: [{ day: "2026-11-01", metric: "total", n: 5 }],
      });
      expect(warn).not.toHaveBeenCalled();
      await closeDatabase();

      applyEnv({ DASHBOARD_TIMEZONE: "Asia/Tokyo" });
      expect(await dailyRows()).toEqual({
        zone: "Asia/Tokyo",
        rows: [
          { day: "2026-11-01", metric: "total", n: 2 },
          { day: "2026-11-02", metric: "total", n: 3 },
        ],
      });
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ from: "UTC", to: "Asia/Tokyo" }),
        expect.stringContaining("daily counters rebuilt"),
      );
      await closeDatabase();

      warn.mockClear();
      expect((await dailyRows()).zone).toBe("Asia/Tokyo");
      expect(warn).not.toHaveBeenCalled();
      await closeDatabase();
    } finally {
      warn.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
