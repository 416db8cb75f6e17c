-- CreateTable
CREATE TABLE "InteractionDaily" (
    "orgId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "channelId" TEXT NOT NULL,
    "emotion" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "touchpointId", "day", "channelId", "emotion")
);

-- The roll-up follows "Interaction" in the same statement as every write to it (docs/rollups.md), as
-- "ResponseDaily" follows "Response": an interaction counts when it has a touchpoint, on the UTC day of
-- "occurredAt" (stored like every DateTime here: "YYYY-MM-DDTHH:MM:SS.sss+00:00"), with 99 for "no emotion".
-- Foreign-key cascades and SET NULLs on "Interaction" (a deleted organization, customer, touchpoint, channel or
-- unit) fire these triggers too. A migration that redefines "Interaction" (SQLite's way of altering a table) drops
-- them: it must create them again (tests/integration/rollups-interactions.test.ts fails otherwise).
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

-- The interactions already stored.
INSERT INTO "InteractionDaily" ("orgId", "touchpointId", "day", "channelId", "emotion", "count")
SELECT "orgId", "touchpointId", strftime('%Y-%m-%dT00:00:00.000+00:00', "occurredAt"), COALESCE("channelId", ''),
  COALESCE("emotion", 99), COUNT(*)
FROM "Interaction" WHERE "touchpointId" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
