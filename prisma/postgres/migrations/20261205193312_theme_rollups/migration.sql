-- CreateTable
CREATE TABLE "ThemeDaily" (
    "orgId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "themeKey" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sentimentMilli" BIGINT NOT NULL,
    "sentimentSquaresMicro" BIGINT NOT NULL,

    CONSTRAINT "ThemeDaily_pkey" PRIMARY KEY ("orgId","day","surveyId","metric","touchpointId","channelId","score","themeKey")
);

-- CreateTable
CREATE TABLE "ThemeMonthly" (
    "orgId" TEXT NOT NULL,
    "month" TIMESTAMP(3) NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "themeKey" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sentimentMilli" BIGINT NOT NULL,
    "sentimentSquaresMicro" BIGINT NOT NULL,

    CONSTRAINT "ThemeMonthly_pkey" PRIMARY KEY ("orgId","month","surveyId","metric","touchpointId","channelId","score","themeKey")
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
-- On PostgreSQL the triggers of the two text tables are statement-level (one aggregated upsert per statement and
-- grain, its keys in sorted order) and first lock their responses FOR SHARE: an update of a response that races with
-- the write of its analysis waits for it, or is waited for, and each then sees the other's committed rows (READ
-- COMMITTED takes a new snapshot for each statement of the trigger). Those on "Response" are row-level with a WHEN:
-- only the rows whose counted columns change, or that are deleted while counted, run them.

CREATE FUNCTION "ThemeRollups_analysis_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM new_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ThemeRollups_analysis_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM old_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" d USING (SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."day" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" d USING (SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."month" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ThemeRollups_analysis_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM old_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM new_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
    UNION ALL
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" d USING (SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."day" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
    UNION ALL
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" d USING (SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", '' AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."language" <> 'unsupported' AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."month" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ThemeRollups_analysis_insert" AFTER INSERT ON "TextAnalysis"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ThemeRollups_analysis_insert"();
CREATE TRIGGER "ThemeRollups_analysis_delete" AFTER DELETE ON "TextAnalysis"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ThemeRollups_analysis_delete"();
CREATE TRIGGER "ThemeRollups_analysis_update" AFTER UPDATE ON "TextAnalysis"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ThemeRollups_analysis_update"();

CREATE FUNCTION "ThemeRollups_match_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM new_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ThemeRollups_match_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM old_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" d USING (SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."day" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" d USING (SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."month" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ThemeRollups_match_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM old_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  PERFORM 1 FROM "Response" r WHERE r."id" IN (SELECT x."responseId" FROM new_rows x WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL)
    ORDER BY r."id" FOR SHARE OF r;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
    UNION ALL
    SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" d USING (SELECT r."orgId" AS "orgId", date_trunc('day', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."day" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT p."orgId", p."at", p."surveyId", p."metric", p."touchpointId", p."channelId", p."score", p."themeKey",
    SUM(p."n"), SUM(p."s1"), SUM(p."s2")
  FROM (
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
    UNION ALL
    SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", 1 AS "n",
      COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", (COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM new_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
  ) p GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING SUM(p."n") <> 0 OR SUM(p."s1") <> 0 OR SUM(p."s2") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" d USING (SELECT r."orgId" AS "orgId", date_trunc('month', r."submittedAt") AS "at", r."surveyId" AS "surveyId",
      r."metric" AS "metric", COALESCE(r."touchpointId", '') AS "touchpointId", COALESCE(r."channelId", '') AS "channelId",
      r."score" AS "score", x."themeKey" AS "themeKey", -1 AS "n",
      -COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) AS "s1", -(COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(x."sentiment" * 1000) AS BIGINT), 0)) AS "s2"
      FROM old_rows x JOIN "Response" r ON r."id" = x."responseId" AND r."orgId" = x."orgId"
      WHERE x."source" = 'answer' AND x."isComment" = TRUE AND x."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL) o
  WHERE d."count" <= 0 AND d."orgId" = o."orgId" AND d."month" = o."at" AND d."surveyId" = o."surveyId"
    AND d."metric" = o."metric" AND d."touchpointId" = o."touchpointId" AND d."channelId" = o."channelId"
    AND d."score" = o."score" AND d."themeKey" = o."themeKey";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ThemeRollups_match_insert" AFTER INSERT ON "TextThemeMatch"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ThemeRollups_match_insert"();
CREATE TRIGGER "ThemeRollups_match_delete" AFTER DELETE ON "TextThemeMatch"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ThemeRollups_match_delete"();
CREATE TRIGGER "ThemeRollups_match_update" AFTER UPDATE ON "TextThemeMatch"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ThemeRollups_match_update"();

CREATE FUNCTION "ThemeRollups_response_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", date_trunc('day', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
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
  ORDER BY t."themeKey"
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" d WHERE d."orgId" = OLD."orgId" AND d."day" = date_trunc('day', OLD."submittedAt")
    AND d."surveyId" = OLD."surveyId" AND d."metric" = OLD."metric" AND d."touchpointId" = COALESCE(OLD."touchpointId", '')
    AND d."channelId" = COALESCE(OLD."channelId", '') AND d."score" = OLD."score" AND d."count" <= 0;
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", date_trunc('month', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
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
  ORDER BY t."themeKey"
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" d WHERE d."orgId" = OLD."orgId" AND d."month" = date_trunc('month', OLD."submittedAt")
    AND d."surveyId" = OLD."surveyId" AND d."metric" = OLD."metric" AND d."touchpointId" = COALESCE(OLD."touchpointId", '')
    AND d."channelId" = COALESCE(OLD."channelId", '') AND d."score" = OLD."score" AND d."count" <= 0;
  RETURN OLD;
END;
$$;

CREATE FUNCTION "ThemeRollups_response_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", date_trunc('day', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
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
  ORDER BY t."themeKey"
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeDaily" d WHERE d."orgId" = OLD."orgId" AND d."day" = date_trunc('day', OLD."submittedAt")
    AND d."surveyId" = OLD."surveyId" AND d."metric" = OLD."metric" AND d."touchpointId" = COALESCE(OLD."touchpointId", '')
    AND d."channelId" = COALESCE(OLD."channelId", '') AND d."score" = OLD."score" AND d."count" <= 0;
  INSERT INTO "ThemeDaily" AS d ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT NEW."orgId", date_trunc('day', NEW."submittedAt"), NEW."surveyId", NEW."metric", COALESCE(NEW."touchpointId", ''),
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
  ORDER BY t."themeKey"
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT OLD."orgId", date_trunc('month', OLD."submittedAt"), OLD."surveyId", OLD."metric", COALESCE(OLD."touchpointId", ''),
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
  ORDER BY t."themeKey"
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  DELETE FROM "ThemeMonthly" d WHERE d."orgId" = OLD."orgId" AND d."month" = date_trunc('month', OLD."submittedAt")
    AND d."surveyId" = OLD."surveyId" AND d."metric" = OLD."metric" AND d."touchpointId" = COALESCE(OLD."touchpointId", '')
    AND d."channelId" = COALESCE(OLD."channelId", '') AND d."score" = OLD."score" AND d."count" <= 0;
  INSERT INTO "ThemeMonthly" AS d ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
  SELECT NEW."orgId", date_trunc('month', NEW."submittedAt"), NEW."surveyId", NEW."metric", COALESCE(NEW."touchpointId", ''),
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
  ORDER BY t."themeKey"
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey")
  DO UPDATE SET "count" = d."count" + excluded."count", "sentimentMilli" = d."sentimentMilli" + excluded."sentimentMilli",
    "sentimentSquaresMicro" = d."sentimentSquaresMicro" + excluded."sentimentSquaresMicro";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ThemeRollups_response_delete" BEFORE DELETE ON "Response"
FOR EACH ROW WHEN (OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL) EXECUTE FUNCTION "ThemeRollups_response_delete"();
CREATE TRIGGER "ThemeRollups_response_update"
AFTER UPDATE OF "orgId", "surveyId", "metric", "score", "submittedAt", "touchpointId", "channelId" ON "Response"
FOR EACH ROW WHEN (((OLD."metric" IN ('nps', 'csat', 'ces') AND OLD."score" IS NOT NULL) OR (NEW."metric" IN ('nps', 'csat', 'ces') AND NEW."score" IS NOT NULL))
  AND (NEW."orgId" IS DISTINCT FROM OLD."orgId" OR NEW."surveyId" IS DISTINCT FROM OLD."surveyId" OR NEW."metric" IS DISTINCT FROM OLD."metric" OR NEW."score" IS DISTINCT FROM OLD."score" OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt" OR NEW."touchpointId" IS DISTINCT FROM OLD."touchpointId" OR NEW."channelId" IS DISTINCT FROM OLD."channelId"))
EXECUTE FUNCTION "ThemeRollups_response_update"();

-- The comments and mentions already stored.
INSERT INTO "ThemeDaily" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
SELECT r."orgId", date_trunc('day', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', COUNT(*), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0))
FROM "TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId" AND r."orgId" = a."orgId"
WHERE a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT r."orgId", date_trunc('day', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
FROM "TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId" AND r."orgId" = m."orgId"
WHERE m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO "ThemeMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "themeKey", "count", "sentimentMilli", "sentimentSquaresMicro")
SELECT r."orgId", date_trunc('month', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", '', COUNT(*), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(a."sentiment" * 1000) AS BIGINT), 0))
FROM "TextAnalysis" a JOIN "Response" r ON r."id" = a."responseId" AND r."orgId" = a."orgId"
WHERE a."source" = 'answer' AND a."isComment" = TRUE AND a."language" <> 'unsupported' AND a."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT r."orgId", date_trunc('month', r."submittedAt"), r."surveyId", r."metric", COALESCE(r."touchpointId", ''), COALESCE(r."channelId", ''), r."score", m."themeKey", COUNT(*), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0)), SUM(COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0) * COALESCE(CAST(ROUND(m."sentiment" * 1000) AS BIGINT), 0))
FROM "TextThemeMatch" m JOIN "Response" r ON r."id" = m."responseId" AND r."orgId" = m."orgId"
WHERE m."source" = 'answer' AND m."isComment" = TRUE AND m."responseId" IS NOT NULL AND r."metric" IN ('nps', 'csat', 'ces') AND r."score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
