-- AlterTable
ALTER TABLE "webhook_request" ADD COLUMN     "replay_of" UUID,
ADD COLUMN     "signature_headers" JSONB;

-- CreateTable
CREATE TABLE "replay_run" (
    "id" UUID NOT NULL,
    "active_slot" TEXT,
    "status" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "provider" TEXT,
    "range_from" TIMESTAMPTZ(3) NOT NULL,
    "range_to" TIMESTAMPTZ(3) NOT NULL,
    "selected" INTEGER NOT NULL DEFAULT 0,
    "more_left" BOOLEAN NOT NULL DEFAULT false,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "still_failing" INTEGER NOT NULL DEFAULT 0,
    "ineligible" INTEGER NOT NULL DEFAULT 0,
    "reasons" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "replay_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "replay_run_active_slot_key" ON "replay_run"("active_slot");

-- CreateIndex
CREATE INDEX "replay_run_started_at_idx" ON "replay_run"("started_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_request_replay_of_idx" ON "webhook_request"("replay_of");

-- Signature headers are kept only while the raw body is: whatever removes a body (retention) must remove
-- them with it, or the update fails.
ALTER TABLE "webhook_request" ADD CONSTRAINT "webhook_request_signature_headers_with_body"
    CHECK ("signature_headers" IS NULL OR "body" IS NOT NULL);
