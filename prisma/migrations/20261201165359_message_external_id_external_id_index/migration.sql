-- CreateIndex
CREATE INDEX "message_external_id_external_id_idx" ON "message_external_id"("external_id");
