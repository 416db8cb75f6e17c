-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "causeKey" TEXT,
ADD COLUMN     "triggerId" TEXT,
ALTER COLUMN "campaignId" DROP NOT NULL,
ALTER COLUMN "waveId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Trigger" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trigger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Trigger_orgId_event_status_idx" ON "Trigger"("orgId", "event", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Trigger_orgId_builtIn_key" ON "Trigger"("orgId", "builtIn");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_triggerId_causeKey_key" ON "Invitation"("triggerId", "causeKey");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_triggerId_fkey" FOREIGN KEY ("triggerId") REFERENCES "Trigger"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trigger" ADD CONSTRAINT "Trigger_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trigger" ADD CONSTRAINT "Trigger_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trigger" ADD CONSTRAINT "Trigger_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

