-- CreateTable
CREATE TABLE "Trigger" (
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
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT,
    "waveId" TEXT,
    "triggerId" TEXT,
    "causeKey" TEXT,
    "customerId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "address" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "reason" TEXT,
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "lastSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Invitation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "CampaignWave" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_triggerId_fkey" FOREIGN KEY ("triggerId") REFERENCES "Trigger" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("address", "campaignId", "channel", "createdAt", "customerId", "id", "lastSentAt", "orgId", "reason", "reminders", "sentAt", "status", "surveyId", "updatedAt", "waveId") SELECT "address", "campaignId", "channel", "createdAt", "customerId", "id", "lastSentAt", "orgId", "reason", "reminders", "sentAt", "status", "surveyId", "updatedAt", "waveId" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE INDEX "Invitation_campaignId_status_idx" ON "Invitation"("campaignId", "status");
CREATE INDEX "Invitation_orgId_customerId_createdAt_idx" ON "Invitation"("orgId", "customerId", "createdAt");
CREATE UNIQUE INDEX "Invitation_waveId_customerId_key" ON "Invitation"("waveId", "customerId");
CREATE UNIQUE INDEX "Invitation_triggerId_causeKey_key" ON "Invitation"("triggerId", "causeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Trigger_orgId_event_status_idx" ON "Trigger"("orgId", "event", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Trigger_orgId_builtIn_key" ON "Trigger"("orgId", "builtIn");
