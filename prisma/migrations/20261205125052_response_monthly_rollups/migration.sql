-- CreateTable
CREATE TABLE "ResponseMonthly" (
    "orgId" TEXT NOT NULL,
    "month" DATETIME NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
);

-- The monthly roll-up follows "Response" exactly like "ResponseDaily" (prisma/migrations/*_response_daily_rollups,
-- docs/rollups.md): the same responses count (metric nps, csat or ces with a score), on the UTC month of
-- "submittedAt" (stored as the DateTime text of the month's first midnight), without the unit. A migration that
-- redefines "Response" drops these triggers too and must create them again.
CREATE TRIGGER "ResponseMonthly_insert" AFTER INSERT ON "Response"
WHEN NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL
BEGIN
  INSERT INTO "ResponseMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  VALUES (NEW."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', NEW."submittedAt"), NEW."surveyId", NEW."metric",
    COALESCE(NEW."touchpointId", ''), COALESCE(NEW."channelId", ''), NEW."score", 1)
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "ResponseMonthly_delete" AFTER DELETE ON "Response"
WHEN OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
BEGIN
  UPDATE "ResponseMonthly" SET "count" = "count" - 1
  WHERE "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score";
  DELETE FROM "ResponseMonthly"
  WHERE "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score"
    AND "count" <= 0;
END;

-- The unit is not in this roll-up: moving a response to another unit changes nothing here.
CREATE TRIGGER "ResponseMonthly_update"
AFTER UPDATE OF "orgId", "surveyId", "metric", "score", "submittedAt", "touchpointId", "channelId" ON "Response"
WHEN ((OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL) OR (NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."surveyId" IS OLD."surveyId" AND NEW."metric" IS OLD."metric"
    AND NEW."score" IS OLD."score" AND strftime('%Y-%m-01T00:00:00.000+00:00', NEW."submittedAt") IS strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND NEW."touchpointId" IS OLD."touchpointId" AND NEW."channelId" IS OLD."channelId")
BEGIN
  UPDATE "ResponseMonthly" SET "count" = "count" - 1
  WHERE OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
    AND "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score";
  DELETE FROM "ResponseMonthly"
  WHERE "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score"
    AND "count" <= 0;
  INSERT INTO "ResponseMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT NEW."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', NEW."submittedAt"), NEW."surveyId", NEW."metric",
    COALESCE(NEW."touchpointId", ''), COALESCE(NEW."channelId", ''), NEW."score", 1
  WHERE NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = "count" + 1;
END;

-- The responses already stored.
INSERT INTO "ResponseMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
SELECT "orgId", strftime('%Y-%m-01T00:00:00.000+00:00', "submittedAt"), "surveyId", "metric", COALESCE("touchpointId", ''), COALESCE("channelId", ''), "score", COUNT(*)
FROM "Response" WHERE "metric" IN ('nps', 'csat', 'ces') AND "score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
