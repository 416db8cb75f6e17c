-- CreateTable
CREATE TABLE "ResponseDailyOrg" (
    "orgId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ResponseDailyOrg_pkey" PRIMARY KEY ("orgId","day","surveyId","metric","touchpointId","channelId","score")
);

-- CreateIndex
CREATE INDEX "ResponseDailyOrg_orgId_metric_day_idx" ON "ResponseDailyOrg"("orgId", "metric", "day");

-- ResponseDaily without the unit dimension (docs/rollups.md, "The organization-wide roll-up"), kept the same way by
-- its own triggers (a change of the unit alone nets to nothing here and writes no row). The roll-up follows
-- "Response" in the same transaction as every write to it: a response counts when its metric is nps, csat or ces
-- and it has a score (lib/analytics/sql.ts responseWhere), on the UTC day of
-- "submittedAt" (timestamp without time zone holding UTC). One statement-level trigger per kind of write, reading
-- the statement's transition tables: one aggregated upsert per statement whatever its size, its keys in sorted
-- order so that concurrent transactions lock roll-up rows in the same order (no deadlock between two instances
-- ingesting the same day). The upsert is atomic: concurrent increments of one key never lose a count. Foreign-key
-- cascades and SET NULLs on "Response" fire these triggers too.
CREATE FUNCTION "ResponseDailyOrg_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseDailyOrg" AS rd ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT n."orgId", date_trunc('day', n."submittedAt"), n."surveyId", n."metric", COALESCE(n."touchpointId", ''),
    COALESCE(n."channelId", ''), n."score", COUNT(*)
  FROM new_rows n WHERE n."metric" IN ('nps', 'csat', 'ces') AND n."score" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = rd."count" + excluded."count";
  RETURN NULL;
END;
$$;

-- UPDATE: the old versions leave and the new ones arrive; keys whose count does not change are not touched.
CREATE FUNCTION "ResponseDailyOrg_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseDailyOrg" AS rd ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT c."orgId", c."day", c."surveyId", c."metric", c."touchpointId", c."channelId", c."score", SUM(c."delta")
  FROM (
    SELECT o."orgId", date_trunc('day', o."submittedAt") AS "day", o."surveyId", o."metric", COALESCE(o."touchpointId", '') AS "touchpointId",
      COALESCE(o."channelId", '') AS "channelId", o."score", -1 AS "delta"
    FROM old_rows o WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL
    UNION ALL
    SELECT n."orgId", date_trunc('day', n."submittedAt"), n."surveyId", n."metric", COALESCE(n."touchpointId", ''),
      COALESCE(n."channelId", ''), n."score", 1
    FROM new_rows n WHERE n."metric" IN ('nps', 'csat', 'ces') AND n."score" IS NOT NULL
  ) c
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(c."delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = rd."count" + excluded."count";
  DELETE FROM "ResponseDailyOrg" rd USING old_rows o
  WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL AND rd."count" <= 0
    AND rd."orgId" = o."orgId" AND rd."day" = date_trunc('day', o."submittedAt") AND rd."surveyId" = o."surveyId"
    AND rd."metric" = o."metric" AND rd."touchpointId" = COALESCE(o."touchpointId", '')
    AND rd."channelId" = COALESCE(o."channelId", '') AND rd."score" = o."score";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ResponseDailyOrg_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseDailyOrg" AS rd ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT o."orgId", date_trunc('day', o."submittedAt"), o."surveyId", o."metric", COALESCE(o."touchpointId", ''),
    COALESCE(o."channelId", ''), o."score", -COUNT(*)
  FROM old_rows o WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = rd."count" + excluded."count";
  DELETE FROM "ResponseDailyOrg" rd USING old_rows o
  WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL AND rd."count" <= 0
    AND rd."orgId" = o."orgId" AND rd."day" = date_trunc('day', o."submittedAt") AND rd."surveyId" = o."surveyId"
    AND rd."metric" = o."metric" AND rd."touchpointId" = COALESCE(o."touchpointId", '')
    AND rd."channelId" = COALESCE(o."channelId", '') AND rd."score" = o."score";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ResponseDailyOrg_insert" AFTER INSERT ON "Response"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ResponseDailyOrg_insert"();
CREATE TRIGGER "ResponseDailyOrg_update" AFTER UPDATE ON "Response"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ResponseDailyOrg_update"();
CREATE TRIGGER "ResponseDailyOrg_delete" AFTER DELETE ON "Response"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ResponseDailyOrg_delete"();

-- The responses already stored.
INSERT INTO "ResponseDailyOrg" ("orgId", "day", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
SELECT "orgId", date_trunc('day', "submittedAt"), "surveyId", "metric", COALESCE("touchpointId", ''),
  COALESCE("channelId", ''), "score", COUNT(*)
FROM "Response" WHERE "metric" IN ('nps', 'csat', 'ces') AND "score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
