-- DropIndex
DROP INDEX "ResponseDailyOrg_orgId_metric_day_idx";

-- CreateIndex
CREATE INDEX "InteractionDaily_covering_idx" ON "InteractionDaily"("orgId", "touchpointId", "day", "channelId", "emotion", "count");

-- CreateIndex
CREATE INDEX "InteractionMonthly_covering_idx" ON "InteractionMonthly"("orgId", "touchpointId", "month", "channelId", "emotion", "count");

-- CreateIndex
CREATE INDEX "ResponseDailyOrg_covering_idx" ON "ResponseDailyOrg"("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count");

-- CreateIndex
CREATE INDEX "ResponseMonthly_covering_idx" ON "ResponseMonthly"("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count");

-- CreateIndex
CREATE INDEX "ThemeDaily_covering_idx" ON "ThemeDaily"("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro");

-- CreateIndex
CREATE INDEX "ThemeMonthly_covering_idx" ON "ThemeMonthly"("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro");
