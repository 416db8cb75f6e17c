-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "audienceId" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "status" TEXT NOT NULL DEFAULT 'active',
    "startAt" DATETIME NOT NULL,
    "repeatEveryDays" INTEGER,
    "nextWaveAt" DATETIME,
    "timeZone" TEXT,
    "windowStartHour" INTEGER NOT NULL DEFAULT 9,
    "windowEndHour" INTEGER NOT NULL DEFAULT 20,
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "reminderDelayHours" INTEGER NOT NULL DEFAULT 72,
    "subject" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Campaign_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Campaign_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Campaign" ("audienceId", "channel", "createdAt", "createdById", "id", "name", "nextWaveAt", "orgId", "reminderCount", "reminderDelayHours", "repeatEveryDays", "startAt", "status", "subject", "surveyId", "timeZone", "updatedAt", "windowEndHour", "windowStartHour") SELECT "audienceId", "channel", "createdAt", "createdById", "id", "name", "nextWaveAt", "orgId", "reminderCount", "reminderDelayHours", "repeatEveryDays", "startAt", "status", "subject", "surveyId", "timeZone", "updatedAt", "windowEndHour", "windowStartHour" FROM "Campaign";
DROP TABLE "Campaign";
ALTER TABLE "new_Campaign" RENAME TO "Campaign";
CREATE INDEX "Campaign_orgId_createdAt_idx" ON "Campaign"("orgId", "createdAt");
CREATE INDEX "Campaign_status_nextWaveAt_idx" ON "Campaign"("status", "nextWaveAt");
CREATE TABLE "new_Trigger" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "touchpointId" TEXT,
    "outcome" TEXT,
    "surveyId" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "delayAmount" INTEGER NOT NULL DEFAULT 0,
    "delayUnit" TEXT NOT NULL DEFAULT 'hours',
    "status" TEXT NOT NULL DEFAULT 'active',
    "builtIn" TEXT,
    "timeZone" TEXT,
    "windowStartHour" INTEGER NOT NULL DEFAULT 9,
    "windowEndHour" INTEGER NOT NULL DEFAULT 20,
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "reminderDelayHours" INTEGER NOT NULL DEFAULT 72,
    "subject" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Trigger_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trigger_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trigger_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Trigger" ("builtIn", "channel", "createdAt", "createdById", "delayAmount", "delayUnit", "event", "id", "name", "orgId", "outcome", "reminderCount", "reminderDelayHours", "status", "subject", "surveyId", "timeZone", "touchpointId", "updatedAt", "windowEndHour", "windowStartHour") SELECT "builtIn", "channel", "createdAt", "createdById", "delayAmount", "delayUnit", "event", "id", "name", "orgId", "outcome", "reminderCount", "reminderDelayHours", "status", "subject", "surveyId", "timeZone", "touchpointId", "updatedAt", "windowEndHour", "windowStartHour" FROM "Trigger";
DROP TABLE "Trigger";
ALTER TABLE "new_Trigger" RENAME TO "Trigger";
CREATE INDEX "Trigger_orgId_event_status_idx" ON "Trigger"("orgId", "event", "status");
CREATE UNIQUE INDEX "Trigger_orgId_builtIn_key" ON "Trigger"("orgId", "builtIn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The built-in re-survey trigger never chose its zone ("UTC" was the column default): it now reads the
-- organization's (lib/campaigns/window.ts sendTimeZone). Other campaigns and triggers keep the zone they have.
UPDATE "Trigger" SET "timeZone" = NULL WHERE "builtIn" = 'resurvey' AND "timeZone" = 'UTC';
