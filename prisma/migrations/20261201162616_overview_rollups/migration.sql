-- CreateTable
CREATE TABLE "message_rollup" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "message_rollup_pkey" PRIMARY KEY ("bucket","channel","campaign","dimension","value")
);

-- CreateIndex
CREATE INDEX "message_rollup_dimension_campaign_bucket_idx" ON "message_rollup"("dimension", "campaign", "bucket");

-- Backfill from what is already stored, so an existing installation's breakdowns start complete.
INSERT INTO "message_rollup" ("bucket", "channel", "campaign", "dimension", "value", "count")
SELECT date_trunc('hour', "sent_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "channel", coalesce("campaign", ''),
       CASE WHEN "channel" = 'sms' THEN 'sms_error' ELSE 'email_bounce' END,
       CASE WHEN "channel" = 'sms' THEN coalesce("error_code", '')
            ELSE coalesce("bounce_type", '') || '/' || coalesce("bounce_sub_type", '') END,
       count(*)
  FROM "message"
 WHERE ("channel" = 'sms' AND "status" IN ('undelivered', 'failed')) OR ("channel" = 'email' AND "status" = 'bounced')
 GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "message_rollup" ("bucket", "channel", "campaign", "dimension", "value", "count")
SELECT date_trunc('hour', m."sent_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', m."channel", coalesce(m."campaign", ''),
       'link', left(e."details"->'click'->>'link', 1000), count(*)
  FROM "message_event" e JOIN "message" m ON m."id" = e."message_id"
 WHERE e."status" = 'clicked' AND e."details"->'click'->>'link' IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5;
