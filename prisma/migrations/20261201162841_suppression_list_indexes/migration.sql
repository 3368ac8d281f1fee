-- CreateIndex
CREATE INDEX "suppression_lifted_at_updated_at_id_idx" ON "suppression"("lifted_at", "updated_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "suppression_updated_at_id_idx" ON "suppression"("updated_at" DESC, "id" DESC);
