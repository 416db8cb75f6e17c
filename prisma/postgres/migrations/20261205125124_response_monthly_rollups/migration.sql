-- CreateTable
CREATE TABLE "ResponseMonthly" (
    "orgId" TEXT NOT NULL,
    "month" TIMESTAMP(3) NOT NULL,
    "surveyId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ResponseMonthly_pkey" PRIMARY KEY ("orgId","month","surveyId","metric","touchpointId","channelId","score")
);

-- The monthly roll-up follows "Response" exactly like "ResponseDaily" (prisma/postgres/migrations/*_response_daily_rollups,
-- docs/rollups.md): the same responses count, on the UTC month of "submittedAt", without the unit; one aggregated
-- upsert per statement in sorted key order, as there.
CREATE FUNCTION "ResponseMonthly_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseMonthly" AS rm ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT n."orgId", date_trunc('month', n."submittedAt"), n."surveyId", n."metric", COALESCE(n."touchpointId", ''),
    COALESCE(n."channelId", ''), n."score", COUNT(*)
  FROM new_rows n WHERE n."metric" IN ('nps', 'csat', 'ces') AND n."score" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = rm."count" + excluded."count";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ResponseMonthly_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseMonthly" AS rm ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT c."orgId", c."month", c."surveyId", c."metric", c."touchpointId", c."channelId", c."score", SUM(c."delta")
  FROM (
    SELECT o."orgId", date_trunc('month', o."submittedAt") AS "month", o."surveyId", o."metric", COALESCE(o."touchpointId", '') AS "touchpointId",
      COALESCE(o."channelId", '') AS "channelId", o."score", -1 AS "delta"
    FROM old_rows o WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL
    UNION ALL
    SELECT n."orgId", date_trunc('month', n."submittedAt"), n."surveyId", n."metric", COALESCE(n."touchpointId", ''),
    COALESCE(n."channelId", ''), n."score", 1
    FROM new_rows n WHERE n."metric" IN ('nps', 'csat', 'ces') AND n."score" IS NOT NULL
  ) c
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(c."delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = rm."count" + excluded."count";
  DELETE FROM "ResponseMonthly" rm USING old_rows o
  WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL AND rm."count" <= 0
    AND rm."orgId" = o."orgId" AND rm."month" = date_trunc('month', o."submittedAt") AND rm."surveyId" = o."surveyId"
    AND rm."metric" = o."metric" AND rm."touchpointId" = COALESCE(o."touchpointId", '')
    AND rm."channelId" = COALESCE(o."channelId", '') AND rm."score" = o."score";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ResponseMonthly_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseMonthly" AS rm ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
  SELECT o."orgId", date_trunc('month', o."submittedAt"), o."surveyId", o."metric", COALESCE(o."touchpointId", ''),
    COALESCE(o."channelId", ''), o."score", -COUNT(*)
  FROM old_rows o WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score")
  DO UPDATE SET "count" = rm."count" + excluded."count";
  DELETE FROM "ResponseMonthly" rm USING old_rows o
  WHERE o."metric" IN ('nps', 'csat', 'ces') AND o."score" IS NOT NULL AND rm."count" <= 0
    AND rm."orgId" = o."orgId" AND rm."month" = date_trunc('month', o."submittedAt") AND rm."surveyId" = o."surveyId"
    AND rm."metric" = o."metric" AND rm."touchpointId" = COALESCE(o."touchpointId", '')
    AND rm."channelId" = COALESCE(o."channelId", '') AND rm."score" = o."score";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ResponseMonthly_insert" AFTER INSERT ON "Response"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ResponseMonthly_insert"();
CREATE TRIGGER "ResponseMonthly_update" AFTER UPDATE ON "Response"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ResponseMonthly_update"();
CREATE TRIGGER "ResponseMonthly_delete" AFTER DELETE ON "Response"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ResponseMonthly_delete"();

-- The responses already stored.
INSERT INTO "ResponseMonthly" ("orgId", "month", "surveyId", "metric", "touchpointId", "channelId", "score", "count")
SELECT "orgId", date_trunc('month', "submittedAt"), "surveyId", "metric", COALESCE("touchpointId", ''),
  COALESCE("channelId", ''), "score", COUNT(*)
FROM "Response" WHERE "metric" IN ('nps', 'csat', 'ces') AND "score" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
