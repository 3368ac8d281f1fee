-- CreateIndex
CREATE INDEX "webhook_request_provider_seq_idx" ON "webhook_request"("provider", "seq" DESC);

-- CreateIndex
CREATE INDEX "webhook_request_event_type_seq_idx" ON "webhook_request"("event_type", "seq" DESC);
