-- The theme roll-ups' SQLite triggers (20261205193233_theme_rollups) again, with the same sums, without a temporary
-- table per row. SQLite answers `x IN ('nps', 'csat', 'ces')` (three constants or more) and `x IN (SELECT …)` with a
-- temporary b-tree, and inside a trigger it builds it again for every row the trigger fires for: every comment
-- analysed and every theme mention stored paid for two (ThemeDaily, ThemeMonthly), each a pager and page cache
-- allocated and freed; deleting one paid for four more (docs/text-analytics.md, "On the write path"). The triggers
-- below spell the lists out with OR, find the row to delete of a grain key by its primary key (a row value), and
-- find a response's theme mentions through its analyses (the analysisId index): the list subquery had let the planner
-- read every mention of the organization (its orgId index) for each response updated or deleted. What they add and
-- take away is unchanged. A migration that redefines "TextAnalysis", "TextThemeMatch" or "Response" must create these
-- triggers again (tests/integration/rollups-themes.test.ts fails otherwise).

DROP TRIGGER "ThemeRollups_analysis_insert";
DROP TRIGGER "ThemeRollups_analysis_delete";
DROP TRIGGER "ThemeRollups_analysis_update";
DROP TRIGGER "ThemeRollups_match_insert";
DROP TRIGGER "ThemeRollups_match_delete";
DROP TRIGGER "ThemeRollups_match_update";
DROP TRIGGER "ThemeRollups_response_delete";
DROP TRIGGER "ThemeRollups_response_update";

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
