-- CreateTable
CREATE TABLE "webhook_request" (
    "id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER NOT NULL,
    "reason" TEXT,
    "diagnosis" JSONB,
    "duration_ms" REAL NOT NULL,
    "event_type" TEXT,
    "external_id" TEXT,
    "delivery_id" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "source_ip" TEXT,
    "method" TEXT NOT NULL DEFAULT 'POST',
    "path" TEXT NOT NULL,
    "query" TEXT,
    "content_type" TEXT,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT,
    "body_bytes" INTEGER NOT NULL DEFAULT 0,
    "body_truncated" BOOLEAN NOT NULL DEFAULT false,
    "duplicate_of" UUID,
    "message_id" UUID,
    "summary_count" INTEGER,

    CONSTRAINT "webhook_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "provider" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "request_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("provider","delivery_id")
);

-- CreateTable
CREATE TABLE "message_event" (
    "id" BIGSERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "effect_key" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "request_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "message_id" UUID,
    "event_type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "recipient" TEXT,
    "sender" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "bounce_type" TEXT,
    "bounce_sub_type" TEXT,
    "embedded_message_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "message_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_request_received_at_idx" ON "webhook_request"("received_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_request_provider_received_at_idx" ON "webhook_request"("provider", "received_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_request_outcome_received_at_idx" ON "webhook_request"("outcome", "received_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_request_external_id_idx" ON "webhook_request"("external_id");

-- CreateIndex
CREATE INDEX "message_event_message_id_received_at_idx" ON "message_event"("message_id", "received_at");

-- CreateIndex
CREATE INDEX "message_event_provider_external_id_idx" ON "message_event"("provider", "external_id");

-- CreateIndex
CREATE INDEX "message_event_received_at_idx" ON "message_event"("received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "message_event_provider_effect_key_key" ON "message_event"("provider", "effect_key");

-- AddForeignKey
ALTER TABLE "message_event" ADD CONSTRAINT "message_event_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
