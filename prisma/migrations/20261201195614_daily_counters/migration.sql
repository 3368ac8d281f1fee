-- CreateTable
CREATE TABLE "message_stat_daily" (
    "day" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "message_stat_daily_pkey" PRIMARY KEY ("day","channel","campaign","metric")
);

-- CreateTable
CREATE TABLE "message_rollup_daily" (
    "day" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "message_rollup_daily_pkey" PRIMARY KEY ("day","channel","campaign","dimension","value")
);

-- CreateTable
CREATE TABLE "daily_counter_zone" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "zone" TEXT NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "daily_counter_zone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_stat_daily_channel_campaign_day_idx" ON "message_stat_daily"("channel", "campaign", "day");

-- CreateIndex
CREATE INDEX "message_rollup_daily_dimension_campaign_day_idx" ON "message_rollup_daily"("dimension", "campaign", "day");

-- Built for UTC from what is already stored; the server rebuilds them at start when DASHBOARD_TIMEZONE is
-- another zone (lib/counters/daily-zone.ts).
INSERT INTO "message_stat_daily" ("day", "channel", "campaign", "metric", "count")
SELECT ("bucket" AT TIME ZONE 'UTC')::date, "channel", "campaign", "metric", sum("count")
  FROM "message_stat" GROUP BY 1, 2, 3, 4;

INSERT INTO "message_rollup_daily" ("day", "channel", "campaign", "dimension", "value", "count")
SELECT ("bucket" AT TIME ZONE 'UTC')::date, "channel", "campaign", "dimension", "value", sum("count")
  FROM "message_rollup" GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "daily_counter_zone" ("id", "zone") VALUES (1, 'UTC');
