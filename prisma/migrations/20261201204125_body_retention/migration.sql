-- AlterTable
ALTER TABLE "webhook_request" ADD COLUMN     "body_removed_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "webhook_request_received_at_with_body_idx" ON "webhook_request"("received_at") WHERE (body IS NOT NULL);
