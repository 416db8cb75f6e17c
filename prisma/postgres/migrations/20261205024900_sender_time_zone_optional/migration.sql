-- AlterTable
ALTER TABLE "Campaign" ALTER COLUMN "timeZone" DROP NOT NULL,
ALTER COLUMN "timeZone" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Trigger" ALTER COLUMN "timeZone" DROP NOT NULL,
ALTER COLUMN "timeZone" DROP DEFAULT;

-- The built-in re-survey trigger never chose its zone ("UTC" was the column default): it now reads the
-- organization's (lib/campaigns/window.ts sendTimeZone). Other campaigns and triggers keep the zone they have.
UPDATE "Trigger" SET "timeZone" = NULL WHERE "builtIn" = 'resurvey' AND "timeZone" = 'UTC';
