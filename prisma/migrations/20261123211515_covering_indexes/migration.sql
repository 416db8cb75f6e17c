-- DropIndex
DROP INDEX "Interaction_orgId_touchpointId_occurredAt_idx";

-- DropIndex
DROP INDEX "Response_orgId_touchpointId_submittedAt_idx";

-- DropIndex
DROP INDEX "Response_orgId_metric_submittedAt_score_idx";

-- CreateIndex
CREATE INDEX "Interaction_orgId_touchpointId_occurredAt_emotion_channelId_idx" ON "Interaction"("orgId", "touchpointId", "occurredAt", "emotion", "channelId");

-- CreateIndex
CREATE INDEX "Response_orgId_metric_submittedAt_score_touchpointId_channelId_idx" ON "Response"("orgId", "metric", "submittedAt", "score", "touchpointId", "channelId");

-- CreateIndex
CREATE INDEX "Response_orgId_touchpointId_submittedAt_metric_score_channelId_idx" ON "Response"("orgId", "touchpointId", "submittedAt", "metric", "score", "channelId");
