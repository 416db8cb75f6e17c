-- CreateTable
CREATE TABLE "InteractionDaily" (
    "orgId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "channelId" TEXT NOT NULL,
    "emotion" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "InteractionDaily_pkey" PRIMARY KEY ("orgId","touchpointId","day","channelId","emotion")
);

-- The roll-up follows "Interaction" in the same transaction as every write to it (docs/rollups.md), as
-- "ResponseDaily" follows "Response": an interaction counts when it has a touchpoint, on the UTC day of
-- "occurredAt" (timestamp without time zone holding UTC), with 99 for "no emotion". One statement-level trigger per
-- kind of write, reading the statement's transition tables: one aggregated upsert per statement whatever its size,
-- its keys in sorted order so that concurrent transactions lock roll-up rows in the same order (no deadlock). The
-- upsert is atomic: concurrent increments of one key never lose a count. Foreign-key cascades and SET NULLs on
-- "Interaction" (a deleted organization, customer, touchpoint, channel or unit) fire these triggers too.
CREATE FUNCTION "InteractionDaily_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InteractionDaily" AS d ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
  SELECT n."orgId", n."touchpointId", date_trunc('day', n."occurredAt"), COALESCE(n."channelId", ''),
    COALESCE(n."emotion", 99), COUNT(*)
  FROM new_rows n WHERE n."touchpointId" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("orgId", "touchpointId", "day", "channelId", "emotion")
  DO UPDATE SET "count" = d."count" + excluded."count";
  RETURN NULL;
END;
$$;

-- UPDATE: the old versions leave and the new ones arrive; keys whose count does not change are not touched (an
-- update of the note, the erasure's, changes nothing here).
CREATE FUNCTION "InteractionDaily_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InteractionDaily" AS d ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
  SELECT c."orgId", c."touchpointId", c."day", c."channelId", c."emotion", SUM(c."delta")
  FROM (
    SELECT o."orgId", o."touchpointId", date_trunc('day', o."occurredAt") AS "day", COALESCE(o."channelId", '') AS "channelId",
      COALESCE(o."emotion", 99) AS "emotion", -1 AS "delta"
    FROM old_rows o WHERE o."touchpointId" IS NOT NULL
    UNION ALL
    SELECT n."orgId", n."touchpointId", date_trunc('day', n."occurredAt"), COALESCE(n."channelId", ''),
      COALESCE(n."emotion", 99), 1
    FROM new_rows n WHERE n."touchpointId" IS NOT NULL
  ) c
  GROUP BY 1, 2, 3, 4, 5 HAVING SUM(c."delta") <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("orgId", "touchpointId", "day", "channelId", "emotion")
  DO UPDATE SET "count" = d."count" + excluded."count";
  DELETE FROM "InteractionDaily" d USING old_rows o
  WHERE o."touchpointId" IS NOT NULL AND d."count" <= 0
    AND d."orgId" = o."orgId" AND d."touchpointId" = o."touchpointId" AND d."day" = date_trunc('day', o."occurredAt")
    AND d."channelId" = COALESCE(o."channelId", '')
    AND d."emotion" = COALESCE(o."emotion", 99);
  RETURN NULL;
END;
$$;

CREATE FUNCTION "InteractionDaily_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InteractionDaily" AS d ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
  SELECT o."orgId", o."touchpointId", date_trunc('day', o."occurredAt"), COALESCE(o."channelId", ''),
    COALESCE(o."emotion", 99), -COUNT(*)
  FROM old_rows o WHERE o."touchpointId" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("orgId", "touchpointId", "day", "channelId", "emotion")
  DO UPDATE SET "count" = d."count" + excluded."count";
  DELETE FROM "InteractionDaily" d USING old_rows o
  WHERE o."touchpointId" IS NOT NULL AND d."count" <= 0
    AND d."orgId" = o."orgId" AND d."touchpointId" = o."touchpointId" AND d."day" = date_trunc('day', o."occurredAt")
    AND d."channelId" = COALESCE(o."channelId", '')
    AND d."emotion" = COALESCE(o."emotion", 99);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InteractionDaily_insert" AFTER INSERT ON "Interaction"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "InteractionDaily_insert"();
CREATE TRIGGER "InteractionDaily_update" AFTER UPDATE ON "Interaction"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "InteractionDaily_update"();
CREATE TRIGGER "InteractionDaily_delete" AFTER DELETE ON "Interaction"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "InteractionDaily_delete"();

-- The interactions already stored.
INSERT INTO "InteractionDaily" ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
SELECT "orgId", "touchpointId", date_trunc('day', "occurredAt"), COALESCE("channelId", ''), COALESCE("emotion", 99), COUNT(*)
FROM "Interaction" WHERE "touchpointId" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
