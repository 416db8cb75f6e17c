-- DropIndex
DROP INDEX "TextThemeMatch_orgId_themeKey_occurredAt_responseId_sentime_idx";

-- CreateIndex
CREATE INDEX "TextThemeMatch_orgId_occurredAt_themeKey_responseId_sentime_idx" ON "TextThemeMatch"("orgId", "occurredAt", "themeKey", "responseId", "sentiment");
