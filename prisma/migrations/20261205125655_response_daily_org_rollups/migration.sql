-- CreateTable
CREATE TABLE "ResponseDailyOrg" (
    "orgId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
);

-- CreateIndex
CREATE INDEX "ResponseDailyOrg_orgId_metric_day_idx" ON "ResponseDailyOrg"("orgId", "metric", "day");

-- ResponseDaily without the unit dimension (docs/rollups.md, "The organization-wide roll-up"), kept the same way by
-- its own triggers. The roll-up follows "Response" in the same statement as every write to it: a response counts
-- when its metric is nps, csat or ces and it has a score (lib/analytics/sql.ts responseWhere), on the UTC day of
-- "submittedAt" (stored like every DateTime here: "YYYY-MM-DDTHH:MM:SS.sss+00:00"). Foreign-key cascades and
-- SET NULLs on "Response" fire these triggers too. A migration that redefines "Response" (SQLite's way of altering a
-- table) drops them: it must create them again (tests/integration/rollups.test.ts fails otherwise). A change of the
-- unit alone does not fire the update trigger.
CREATE TRIGGER "ResponseDailyOrg_insert" AFTER INSERT ON "Response"
WHEN NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL
BEGIN
  INSERT INTO "ResponseDailyOrg" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  VALUES (NEW."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', NEW."submittedAt"), NEW."surveyId", NEW."metric",
    COALESCE(NEW."touchpointId", ''), COALESCE(NEW."channelId", ''), NEW."score", 1)
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "ResponseDailyOrg_delete" AFTER DELETE ON "Response"
WHEN OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
BEGIN
  UPDATE "ResponseDailyOrg" SET "count" = "count" - 1
  WHERE "orgId" = OLD."orgId" AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score";
  DELETE FROM "ResponseDailyOrg"
  WHERE "orgId" = OLD."orgId" AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score"
    AND "count" <= 0;
END;

CREATE TRIGGER "ResponseDailyOrg_update"
AFTER UPDATE OF "orgId", "surveyId", "metric", "score", "submittedAt", "touchpointId", "channelId" ON "Response"
WHEN ((OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL) OR (NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."surveyId" IS OLD."surveyId" AND NEW."metric" IS OLD."metric"
    AND NEW."score" IS OLD."score" AND NEW."submittedAt" IS OLD."submittedAt" AND NEW."touchpointId" IS OLD."touchpointId"
    AND NEW."channelId" IS OLD."channelId")
BEGIN
  UPDATE "ResponseDailyOrg" SET "count" = "count" - 1
  WHERE OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
    AND "orgId" = OLD."orgId" AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score";
  DELETE FROM "ResponseDailyOrg"
  WHERE "orgId" = OLD."orgId" AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score"
    AND "count" <= 0;
  INSERT INTO "ResponseDailyOrg" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT NEW."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', NEW."submittedAt"), NEW."surveyId", NEW."metric",
    COALESCE(NEW."touchpointId", ''), COALESCE(NEW."channelId", ''), NEW."score", 1
  WHERE NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = "count" + 1;
END;

-- The responses already stored.
INSERT INTO "ResponseDailyOrg" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
SELECT "orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', "submittedAt"), "surveyId", "metric",
  COALESCE("touchpointId", ''), COALESCE("channelId", ''), "score", COUNT(*)
FROM "Response" WHERE "metric" IN ('nps', 'csat', 'ces') AND "score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
