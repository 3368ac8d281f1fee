-- AlterTable
ALTER TABLE "message" ADD COLUMN     "state" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "message_stat" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "message_stat_pkey" PRIMARY KEY ("bucket","channel","campaign","metric")
);

-- CreateTable
CREATE TABLE "suppression" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "event_id" BIGINT,
    "message_id" UUID,
    "detail" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by" TEXT,
    "lift_reason" TEXT,

    CONSTRAINT "suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suppression_change" (
    "id" BIGSERIAL NOT NULL,
    "suppression_id" BIGINT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "event_id" BIGINT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppression_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_stat_channel_campaign_bucket_idx" ON "message_stat"("channel", "campaign", "bucket");

-- CreateIndex
CREATE INDEX "suppression_recipient_idx" ON "suppression"("recipient");

-- CreateIndex
CREATE UNIQUE INDEX "suppression_channel_recipient_scope_key" ON "suppression"("channel", "recipient", "scope");

-- CreateIndex
CREATE INDEX "suppression_change_suppression_id_at_idx" ON "suppression_change"("suppression_id", "at");

-- CreateIndex
CREATE INDEX "message_status_sent_at_idx" ON "message"("status", "sent_at" DESC);

-- CreateIndex
CREATE INDEX "message_event_recipient_received_at_idx" ON "message_event"("recipient", "received_at");

-- AddForeignKey
ALTER TABLE "suppression_change" ADD CONSTRAINT "suppression_change_suppression_id_fkey" FOREIGN KEY ("suppression_id") REFERENCES "suppression"("id") ON DELETE CASCADE ON UPDATE CASCADE;
