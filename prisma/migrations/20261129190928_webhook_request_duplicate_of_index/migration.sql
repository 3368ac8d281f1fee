-- CreateIndex
CREATE INDEX "webhook_request_duplicate_of_idx" ON "webhook_request"("duplicate_of");
