-- CreateIndex
CREATE INDEX "Invitation_orgId_status_sentAt_idx" ON "Invitation"("orgId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "Invitation_orgId_causeKey_idx" ON "Invitation"("orgId", "causeKey");
