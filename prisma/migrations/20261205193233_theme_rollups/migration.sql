-- CreateTable
CREATE TABLE "ThemeDaily" (
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
);

-- CreateTable
CREATE TABLE "ThemeMonthly" (
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
);

-- The theme roll-ups (docs/rollups.md, "The theme roll-up"): per organization × UTC day (ThemeDaily) or month
-- (ThemeMonthly) of the response's submittedAt × survey × metric × touchpoint × channel × score × themeKey, the analysed
-- comments (themeKey "": a TextAnalysis of a response's comment in a supported language) and the theme mentions (a
-- TextThemeMatch of a comment) of the responses analytics count (metric nps, csat or ces with a score:
-- lib/analytics/sql.ts responseWhere), with the sums of their sentiment in thousandths and of its square in
-- millionths (integers: adding and taking away stays exact). They depend on three tables, so triggers on each keep
-- them, in the same statement as every write:
--  - "TextAnalysis" and "TextThemeMatch": a row inserted adds its contribution at its response's key, a row deleted
--    takes it away, an update does both; a response that does not count (yet) contributes nothing;
--  - "Response": an update of a counted column moves every contribution of its comment and mentions from the old key
--    to the new one (a partial response completed with a score, a changed score, day, touchpoint …); a delete takes
--    them away BEFORE the row goes, because the cascade then deletes the analyses when their response is already gone
--    (and their own triggers find no response: nothing is taken away twice).
-- A mention is found from its response through its analysis (the application writes both from one text, with the same
-- response). A row that reaches 0 is deleted. A migration that redefines one of the three tables (SQLite's way of
-- altering a table) drops its triggers: it must create them again (tests/integration/rollups-themes.test.ts fails).

CREATE TRIGGER "ThemeRollups_analysis_insert" AFTER INSERT ON "TextAnalysis"
WHEN NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_analysis_delete" AFTER DELETE ON "TextAnalysis"
WHEN OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeDaily" d ON d."orgId" = r."orgId" AND d."day" = strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = ''
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeMonthly" d ON d."orgId" = r."orgId" AND d."month" = strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = ''
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
END;

CREATE TRIGGER "ThemeRollups_analysis_update" AFTER UPDATE OF "orgId", "source", "responseId", "isComment", "language", "sentiment" ON "TextAnalysis"
WHEN ((OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL) OR (NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."source" IS OLD."source" AND NEW."responseId" IS OLD."responseId" AND NEW."isComment" IS OLD."isComment" AND NEW."language" IS OLD."language" AND NEW."sentiment" IS OLD."sentiment")
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeDaily" d ON d."orgId" = r."orgId" AND d."day" = strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = ''
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."language" <> 'unsupported' AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeMonthly" d ON d."orgId" = r."orgId" AND d."month" = strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = ''
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."language" <> 'unsupported' AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_match_insert" AFTER INSERT ON "TextThemeMatch"
WHEN NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_match_delete" AFTER DELETE ON "TextThemeMatch"
WHEN OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeDaily" d ON d."orgId" = r."orgId" AND d."day" = strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = OLD."themeKey"
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeMonthly" d ON d."orgId" = r."orgId" AND d."month" = strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = OLD."themeKey"
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
END;

CREATE TRIGGER "ThemeRollups_match_update" AFTER UPDATE OF "orgId", "source", "responseId", "isComment", "sentiment", "themeKey" ON "TextThemeMatch"
WHEN ((OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL) OR (NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL))
  AND NOT (NEW."orgId" IS OLD."orgId" AND NEW."source" IS OLD."source" AND NEW."responseId" IS OLD."responseId" AND NEW."isComment" IS OLD."isComment" AND NEW."sentiment" IS OLD."sentiment" AND NEW."themeKey" IS OLD."themeKey")
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeDaily" d ON d."orgId" = r."orgId" AND d."day" = strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = OLD."themeKey"
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", OLD."themeKey", -1, -COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0), -(COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(OLD."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = OLD."responseId" AND r."orgId" = OLD."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND OLD."source" = 'answer' AND OLD."isComment" = TRUE AND OLD."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE rowid IN (
    SELECT d.rowid FROM "Response" r JOIN "ThemeMonthly" d ON d."orgId" = r."orgId" AND d."month" = strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt")
      AND d."surveyId" = r."surveyId" AND d."metric" = r."metric" AND d."touchpointId" = COALESCE(r."touchpointId", '')
      AND d."channelId" = COALESCE(r."channelId", '') AND d."score" = r."score" AND d."themeKey" = OLD."themeKey"
    WHERE r."id" = OLD."responseId" AND d."count" <= 0);
  INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", NEW."themeKey", 1, COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0), (COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(NEW."sentiment" * 1000) AS BIGINT), 0))
  FROM "Response" r WHERE r."id" = NEW."responseId" AND r."orgId" = NEW."orgId" AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL AND NEW."source" = 'answer' AND NEW."isComment" = TRUE AND NEW."responseId" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

CREATE TRIGGER "ThemeRollups_response_delete" BEFORE DELETE ON "Response"
WHEN OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
BEGIN
  INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
    COALESCE(OLD."channelId", ''), OLD."score", t."themeKey", -t."n", -t."s1", -t."s2"
  FROM (
    SELECT '' AS "themeKey", COUNT(*) AS "n", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s1", SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
    FROM "TextAnalysis" a WHERE a."responseId" = OLD."id" AND a."orgId" = OLD."orgId" AND a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL
    UNION ALL
    SELECT m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
    FROM "TextThemeMatch" m
    WHERE m."analysisId" IN (SELECT a."id" FROM "TextAnalysis" a WHERE a."responseId" = OLD."id")
      AND m."responseId" = OLD."id" AND m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
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
    FROM "TextThemeMatch" m
    WHERE m."analysisId" IN (SELECT a."id" FROM "TextAnalysis" a WHERE a."responseId" = OLD."id")
      AND m."responseId" = OLD."id" AND m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" WHERE "orgId" = OLD."orgId" AND "month" = strftime('%Y-%m-01T00:00:00.000+00:00', OLD."submittedAt")
    AND "surveyId" = OLD."surveyId" AND "metric" = OLD."metric" AND "touchpointId" = COALESCE(OLD."touchpointId", '')
    AND "channelId" = COALESCE(OLD."channelId", '') AND "score" = OLD."score" AND "count" <= 0;
END;

CREATE TRIGGER "ThemeRollups_response_update"
AFTER UPDATE OF "orgId", "surveyId", "metric", "score", "submittedAt", "touchpointId", "channelId" ON "Response"
WHEN ((OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL) OR (NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL))
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
    FROM "TextThemeMatch" m
    WHERE m."analysisId" IN (SELECT a."id" FROM "TextAnalysis" a WHERE a."responseId" = OLD."id")
      AND m."responseId" = OLD."id" AND m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
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
    FROM "TextThemeMatch" m
    WHERE m."analysisId" IN (SELECT a."id" FROM "TextAnalysis" a WHERE a."responseId" = NEW."id")
      AND m."responseId" = NEW."id" AND m."orgId" = NEW."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL
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
    FROM "TextThemeMatch" m
    WHERE m."analysisId" IN (SELECT a."id" FROM "TextAnalysis" a WHERE a."responseId" = OLD."id")
      AND m."responseId" = OLD."id" AND m."orgId" = OLD."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL
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
    FROM "TextThemeMatch" m
    WHERE m."analysisId" IN (SELECT a."id" FROM "TextAnalysis" a WHERE a."responseId" = NEW."id")
      AND m."responseId" = NEW."id" AND m."orgId" = NEW."orgId" AND m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL
    GROUP BY m."themeKey"
  ) t WHERE t."n" > 0 AND NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = "count" + excluded."count", "sentimentMilli" = "sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = "sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
END;

-- The comments and mentions already stored.
INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', COUNT(*), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0))
FROM "TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId" AND r."orgId" = a."orgId"
WHERE a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT r."orgId", strftime('%Y-%m-%dT00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
FROM "TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId" AND r."orgId" = m."orgId"
WHERE m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', COUNT(*), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0))
FROM "TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId" AND r."orgId" = a."orgId"
WHERE a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT r."orgId", strftime('%Y-%m-01T00:00:00.000+00:00', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
FROM "TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId" AND r."orgId" = m."orgId"
WHERE m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
