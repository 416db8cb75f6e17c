-- The six roll-ups become WITHOUT ROWID tables on SQLite, stored in the order of their primary key, and lose their
-- covering indexes (20261205223431_rollup_covering_indexes), which repeated that key with the counts. A rowid table
-- with a composite key is three b-trees: the rows, the key's index and the covering index; every count a write
-- changes rewrote a page of each. Ordered by its key, the table covers a range of days by itself: one b-tree, read in
-- key order and written once (docs/rollups.md, "Reading fast"; docs/text-analytics.md, "On the write path").
-- PostgreSQL keeps its covering indexes (the `// postgresql:` lines of prisma/schema.prisma). Prisma's schema does
-- not describe WITHOUT ROWID: a migration that redefines one of these tables must keep it
-- (tests/integration/rollups.test.ts checks).
--
-- The roll-ups' triggers name these tables, and SQLite refuses to rename a table while a trigger names a missing
-- one: they are dropped first and created again below exactly as they were (20261205225500_theme_rollup_triggers_in_place
-- and the migrations before it).
--
-- TextThemeMatch's index for "mentions in a period" is time first: a new match goes at the end of the index instead
-- of beside its theme's older ones (a leaf page per theme rewritten by every write).

DROP TRIGGER IF EXISTS "InteractionDaily_insert";
DROP TRIGGER IF EXISTS "InteractionDaily_delete";
DROP TRIGGER IF EXISTS "InteractionDaily_update";
DROP TRIGGER IF EXISTS "ResponseMonthly_insert";
DROP TRIGGER IF EXISTS "ResponseMonthly_delete";
DROP TRIGGER IF EXISTS "ResponseMonthly_update";
DROP TRIGGER IF EXISTS "ResponseDailyOrg_insert";
DROP TRIGGER IF EXISTS "ResponseDailyOrg_delete";
DROP TRIGGER IF EXISTS "ResponseDailyOrg_update";
DROP TRIGGER IF EXISTS "InteractionMonthly_insert";
DROP TRIGGER IF EXISTS "InteractionMonthly_delete";
DROP TRIGGER IF EXISTS "InteractionMonthly_update";
DROP TRIGGER IF EXISTS "ThemeRollups_analysis_insert";
DROP TRIGGER IF EXISTS "ThemeRollups_analysis_delete";
DROP TRIGGER IF EXISTS "ThemeRollups_analysis_update";
DROP TRIGGER IF EXISTS "ThemeRollups_match_insert";
DROP TRIGGER IF EXISTS "ThemeRollups_match_delete";
DROP TRIGGER IF EXISTS "ThemeRollups_match_update";
DROP TRIGGER IF EXISTS "ThemeRollups_response_delete";
DROP TRIGGER IF EXISTS "ThemeRollups_response_update";

CREATE TABLE "new_ResponseDailyOrg" (
    "orgId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
) WITHOUT ROWID;
INSERT INTO "new_ResponseDailyOrg" SELECT * FROM "ResponseDailyOrg";
DROP TABLE "ResponseDailyOrg";
ALTER TABLE "new_ResponseDailyOrg" RENAME TO "ResponseDailyOrg";

CREATE TABLE "new_ResponseMonthly" (
    "orgId" TEXT NOT NULL,
    "month" DATETIME NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
) WITHOUT ROWID;
INSERT INTO "new_ResponseMonthly" SELECT * FROM "ResponseMonthly";
DROP TABLE "ResponseMonthly";
ALTER TABLE "new_ResponseMonthly" RENAME TO "ResponseMonthly";

CREATE TABLE "new_InteractionDaily" (
    "orgId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "channelId" TEXT NOT NULL,
    "emotion" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "touchpointId", "day", "channelId", "emotion")
) WITHOUT ROWID;
INSERT INTO "new_InteractionDaily" SELECT * FROM "InteractionDaily";
DROP TABLE "InteractionDaily";
ALTER TABLE "new_InteractionDaily" RENAME TO "InteractionDaily";

CREATE TABLE "new_InteractionMonthly" (
    "orgId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "month" DATETIME NOT NULL,
    "channelId" TEXT NOT NULL,
    "emotion" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "touchpointId", "month", "channelId", "emotion")
) WITHOUT ROWID;
INSERT INTO "new_InteractionMonthly" SELECT * FROM "InteractionMonthly";
DROP TABLE "InteractionMonthly";
ALTER TABLE "new_InteractionMonthly" RENAME TO "InteractionMonthly";

CREATE TABLE "new_ThemeDaily" (
    "orgId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "themeKey" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sentimentMilli" BIGINT NOT NULL,
    "sentimentSquaresMicro" BIGINT NOT NULL,

    PRIMARY KEY ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
) WITHOUT ROWID;
INSERT INTO "new_ThemeDaily" SELECT * FROM "ThemeDaily";
DROP TABLE "ThemeDaily";
ALTER TABLE "new_ThemeDaily" RENAME TO "ThemeDaily";

CREATE TABLE "new_ThemeMonthly" (
    "orgId" TEXT NOT NULL,
    "month" DATETIME NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "themeKey" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sentimentMilli" BIGINT NOT NULL,
    "sentimentSquaresMicro" BIGINT NOT NULL,

    PRIMARY KEY ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
) WITHOUT ROWID;
INSERT INTO "new_ThemeMonthly" SELECT * FROM "ThemeMonthly";
DROP TABLE "ThemeMonthly";
ALTER TABLE "new_ThemeMonthly" RENAME TO "ThemeMonthly";

DROP INDEX "TextThemeMatch_orgId_themeKey_occurredAt_responseId_sentiment_idx";
CREATE INDEX "TextThemeMatch_orgId_occurredAt_themeKey_responseId_sentiment_idx" ON "TextThemeMatch"("orgId", "occurredAt", "themeKey", "responseId", "sentiment");

CREATE TRIGGER "InteractionDaily_insert" AFTER INSERT ON "Interaction"
WHEN NEW."touchpointId" IS NOT NULL
BEGIN
  INSERT INTO "InteractionDaily" ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
  VALUES (NEW."orgId", NEW."touchpointId", strftime('%Y-%m-%dT00:00:00.000+00:00', NEW."occurredAt"),
    COALESCE(NEW."channelId", ''), COALESCE(NEW."emotion", 99), 1)
  ON CONFLICT ("orgId", "touchpointId", "day", "channelId", "emotion")
  DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "InteractionDaily_delete" AFTER DELETE ON "Interaction"
WHEN OLD."touchpointId" IS NOT NULL
BEGIN
  UPDATE "InteractionDaily" SET "count" = "count" - 1
  WHERE "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99);
  DELETE FROM "InteractionDaily"
  WHERE "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99) AND "count" <= 0;
END;

CREATE TRIGGER "InteractionDaily_update"
AFTER UPDATE OF "orgId", "touchpointId", "occurredAt", "channelId", "emotion" ON "Interaction"
WHEN (OLD."touchpointId" IS NOT NULL OR NEW."touchpointId" IS NOT NULL)
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."touchpointId" IS OLD."touchpointId" AND NEW."occurredAt" IS OLD."occurredAt"
    AND NEW."channelId" IS OLD."channelId" AND NEW."emotion" IS OLD."emotion")
BEGIN
  UPDATE "InteractionDaily" SET "count" = "count" - 1
  WHERE OLD."touchpointId" IS NOT NULL AND "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99);
  DELETE FROM "InteractionDaily"
  WHERE OLD."touchpointId" IS NOT NULL AND "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99) AND "count" <= 0;
  INSERT INTO "InteractionDaily" ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
  SELECT NEW."orgId", NEW."touchpointId", strftime('%Y-%m-%dT00:00:00.000+00:00', NEW."occurredAt"),
    COALESCE(NEW."channelId", ''), COALESCE(NEW."emotion", 99), 1
  WHERE NEW."touchpointId" IS NOT NULL
  ON CONFLICT ("orgId", "touchpointId", "day", "channelId", "emotion")
  DO UPDATE SET "count" = "count" + 1;
END;

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

CREATE TRIGGER "InteractionMonthly_insert" AFTER INSERT ON "Interaction"
WHEN NEW."touchpointId" IS NOT NULL
BEGIN
  INSERT INTO "InteractionMonthly" ("orgId", "touchpointId", "month", "channelId", "emotion", "count")
  VALUES (NEW."orgId", NEW."touchpointId", strftime('%Y-%m-01T00:00:00.000+00:00', NEW."occurredAt"),
    COALESCE(NEW."channelId", ''), COALESCE(NEW."emotion", 99), 1)
  ON CONFLICT ("orgId", "touchpointId", "month", "channelId", "emotion")
  DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "InteractionMonthly_delete" AFTER DELETE ON "Interaction"
WHEN OLD."touchpointId" IS NOT NULL
BEGIN
  UPDATE "InteractionMonthly" SET "count" = "count" - 1
  WHERE "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99);
  DELETE FROM "InteractionMonthly"
  WHERE "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99) AND "count" <= 0;
END;

CREATE TRIGGER "InteractionMonthly_update"
AFTER UPDATE OF "orgId", "touchpointId", "occurredAt", "channelId", "emotion" ON "Interaction"
WHEN (OLD."touchpointId" IS NOT NULL OR NEW."touchpointId" IS NOT NULL)
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."touchpointId" IS OLD."touchpointId" AND NEW."occurredAt" IS OLD."occurredAt"
    AND NEW."channelId" IS OLD."channelId" AND NEW."emotion" IS OLD."emotion")
BEGIN
  UPDATE "InteractionMonthly" SET "count" = "count" - 1
  WHERE OLD."touchpointId" IS NOT NULL AND "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99);
  DELETE FROM "InteractionMonthly"
  WHERE OLD."touchpointId" IS NOT NULL AND "orgId" = OLD."orgId" AND "touchpointId" = OLD."touchpointId"
    AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."occurredAt") AND "channelId" = COALESCE(OLD."channelId", '')
    AND "emotion" = COALESCE(OLD."emotion", 99) AND "count" <= 0;
  INSERT INTO "InteractionMonthly" ("orgId", "touchpointId", "month", "channelId", "emotion", "count")
  SELECT NEW."orgId", NEW."touchpointId", strftime('%Y-%m-01T00:00:00.000+00:00', NEW."occurredAt"),
    COALESCE(NEW."channelId", ''), COALESCE(NEW."emotion", 99), 1
  WHERE NEW."touchpointId" IS NOT NULL
  ON CONFLICT ("orgId", "touchpointId", "month", "channelId", "emotion")
  DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "ThemeRollups_analysis_insert" AFTER INSERT ON "TextAnalysis"
WHEN NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_analysis_delete" AFTER DELETE ON "TextAnalysis"
WHEN OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE "count" <= 0 AND ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", '' FROM "Response" r WHERE r."id" = OLD."responseId");
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "count" <= 0 AND ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", '' FROM "Response" r WHERE r."id" = OLD."responseId");
END;

CREATE TRIGGER "ThemeRollups_analysis_update" AFTER UPDATE OF "orgId", "source", "responseId", "isComment", "language", "sentiment" ON "TextAnalysis"
WHEN ((OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL) OR (NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."source" IS OLD."source" AND NEW."responseId" IS OLD."responseId" AND NEW."isComment" IS OLD."isComment" AND NEW."language" IS OLD."language" AND NEW."sentiment" IS OLD."sentiment")
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE "count" <= 0 AND ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", '' FROM "Response" r WHERE r."id" = OLD."responseId");
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "count" <= 0 AND ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", '' FROM "Response" r WHERE r."id" = OLD."responseId");
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_match_insert" AFTER INSERT ON "TextThemeMatch"
WHEN NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_match_delete" AFTER DELETE ON "TextThemeMatch"
WHEN OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE "count" <= 0 AND ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", OLD."themeKey" FROM "Response" r WHERE r."id" = OLD."responseId");
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "count" <= 0 AND ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", OLD."themeKey" FROM "Response" r WHERE r."id" = OLD."responseId");
END;

CREATE TRIGGER "ThemeRollups_match_update" AFTER UPDATE OF "orgId", "source", "responseId", "isComment", "sentiment", "themeKey" ON "TextThemeMatch"
WHEN ((OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL) OR (NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."source" IS OLD."source" AND NEW."responseId" IS OLD."responseId" AND NEW."isComment" IS OLD."isComment" AND NEW."sentiment" IS OLD."sentiment" AND NEW."themeKey" IS OLD."themeKey")
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE "count" <= 0 AND ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", OLD."themeKey" FROM "Response" r WHERE r."id" = OLD."responseId");
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "count" <= 0 AND ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey") = (
    SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''),
      COALESCE(r."channelId", ''), r."score", OLD."themeKey" FROM "Response" r WHERE r."id" = OLD."responseId");
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND (r."metric" = 'nps' OR r."metric" = 'csat' OR r."metric" = 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_response_delete" BEFORE DELETE ON "Response"
WHEN (OLD."metric" = 'nps' OR OLD."metric" = 'csat' OR OLD."metric" = 'ces') AND OLD."score" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
    COALESCE(OLD."channelId", ''), OLD."score", t."themeKey", -t."n", -t."s1", -t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = OLD."id" AND a."orgId" = OLD."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
    WHERE a."responseId" = OLD."id" AND m."analysisId" = a."id"
      AND m."responseId" = OLD."id" AND +m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND (OLD."metric" = 'nps' OR OLD."metric" = 'csat' OR OLD."metric" = 'ces') AND OLD."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE "orgId" = OLD."orgId" AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score" AND "count" <= 0;
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
    COALESCE(OLD."channelId", ''), OLD."score", t."themeKey", -t."n", -t."s1", -t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = OLD."id" AND a."orgId" = OLD."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
    WHERE a."responseId" = OLD."id" AND m."analysisId" = a."id"
      AND m."responseId" = OLD."id" AND +m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND (OLD."metric" = 'nps' OR OLD."metric" = 'csat' OR OLD."metric" = 'ces') AND OLD."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score" AND "count" <= 0;
END;

CREATE TRIGGER "ThemeRollups_response_update"
AFTER UPDATE OF "orgId", "surveyId", "metric", "score", "submittedAt", "touchpointId", "channelId" ON "Response"
WHEN (((OLD."metric" = 'nps' OR OLD."metric" = 'csat' OR OLD."metric" = 'ces') AND OLD."score" IS NOT NULL) OR ((NEW."metric" = 'nps' OR NEW."metric" = 'csat' OR NEW."metric" = 'ces') AND NEW."score" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."surveyId" IS OLD."surveyId" AND NEW."metric" IS OLD."metric" AND NEW."score" IS OLD."score" AND NEW."submittedAt" IS OLD."submittedAt" AND NEW."touchpointId" IS OLD."touchpointId" AND NEW."channelId" IS OLD."channelId")
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
    COALESCE(OLD."channelId", ''), OLD."score", t."themeKey", -t."n", -t."s1", -t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = OLD."id" AND a."orgId" = OLD."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
    WHERE a."responseId" = OLD."id" AND m."analysisId" = a."id"
      AND m."responseId" = OLD."id" AND +m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND (OLD."metric" = 'nps' OR OLD."metric" = 'csat' OR OLD."metric" = 'ces') AND OLD."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE "orgId" = OLD."orgId" AND "day" = strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score" AND "count" <= 0;
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT NEW."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', NEW."submittedAt"), NEW."surveyId", NEW."metric", COALESCE(NEW."touchpointId", ''),
    COALESCE(NEW."channelId", ''), NEW."score", t."themeKey", t."n", t."s1", t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = NEW."id" AND a."orgId" = NEW."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
    WHERE a."responseId" = NEW."id" AND m."analysisId" = a."id"
      AND m."responseId" = NEW."id" AND +m."orgId" = NEW."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND (NEW."metric" = 'nps' OR NEW."metric" = 'csat' OR NEW."metric" = 'ces') AND NEW."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
    COALESCE(OLD."channelId", ''), OLD."score", t."themeKey", -t."n", -t."s1", -t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = OLD."id" AND a."orgId" = OLD."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
    WHERE a."responseId" = OLD."id" AND m."analysisId" = a."id"
      AND m."responseId" = OLD."id" AND +m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND (OLD."metric" = 'nps' OR OLD."metric" = 'csat' OR OLD."metric" = 'ces') AND OLD."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score" AND "count" <= 0;
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT NEW."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', NEW."submittedAt"), NEW."surveyId", NEW."metric", COALESCE(NEW."touchpointId", ''),
    COALESCE(NEW."channelId", ''), NEW."score", t."themeKey", t."n", t."s1", t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = NEW."id" AND a."orgId" = NEW."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextAnalysis" a CROSS JOIN "TextThemeMatch" m
    WHERE a."responseId" = NEW."id" AND m."analysisId" = a."id"
      AND m."responseId" = NEW."id" AND +m."orgId" = NEW."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND (NEW."metric" = 'nps' OR NEW."metric" = 'csat' OR NEW."metric" = 'ces') AND NEW."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;
