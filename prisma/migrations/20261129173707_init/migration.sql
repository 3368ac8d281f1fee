-- CreateTable
CREATE TABLE "message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sender" TEXT,
    "subject" TEXT,
    "campaign" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "provider" TEXT,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "status_rank" INTEGER NOT NULL DEFAULT 0,
    "status_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "bounced_at" TIMESTAMPTZ(3),
    "complained_at" TIMESTAMPTZ(3),
    "first_opened_at" TIMESTAMPTZ(3),
    "first_clicked_at" TIMESTAMPTZ(3),
    "open_count" INTEGER NOT NULL DEFAULT 0,
    "click_count" INTEGER NOT NULL DEFAULT 0,
    "error_code" TEXT,
    "error_message" TEXT,
    "bounce_type" TEXT,
    "bounce_sub_type" TEXT,
    "idempotency_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_external_id" (
    "id" BIGSERIAL NOT NULL,
    "message_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_external_id_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "message_idempotency_key_key" ON "message"("idempotency_key");

-- CreateIndex
CREATE INDEX "message_recipient_sent_at_idx" ON "message"("recipient", "sent_at" DESC);

-- CreateIndex
CREATE INDEX "message_sent_at_id_idx" ON "message"("sent_at" DESC, "id");

-- CreateIndex
CREATE INDEX "message_campaign_sent_at_idx" ON "message"("campaign", "sent_at");

-- CreateIndex
CREATE INDEX "message_external_id_message_id_idx" ON "message_external_id"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "message_external_id_provider_external_id_key" ON "message_external_id"("provider", "external_id");

-- AddForeignKey
ALTER TABLE "message_external_id" ADD CONSTRAINT "message_external_id_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
