-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "contactAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ContactRule" (
    "orgId" TEXT NOT NULL,
    "capDays" INTEGER NOT NULL DEFAULT 30,
    "quietStartHour" INTEGER NOT NULL DEFAULT 21,
    "quietEndHour" INTEGER NOT NULL DEFAULT 8,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactRule_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "ContactEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "surveyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuppressionLog" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "campaignId" TEXT,
    "invitationId" TEXT,
    "caseId" TEXT,
    "surveyId" TEXT,
    "channel" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "lastContactAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuppressionLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactEvent_orgId_customerId_createdAt_idx" ON "ContactEvent"("orgId", "customerId", "createdAt");

-- CreateIndex
CREATE INDEX "SuppressionLog_orgId_customerId_createdAt_idx" ON "SuppressionLog"("orgId", "customerId", "createdAt");

-- CreateIndex
CREATE INDEX "SuppressionLog_orgId_campaignId_createdAt_idx" ON "SuppressionLog"("orgId", "campaignId", "createdAt");

-- AddForeignKey
ALTER TABLE "ContactRule" ADD CONSTRAINT "ContactRule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuppressionLog" ADD CONSTRAINT "SuppressionLog_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuppressionLog" ADD CONSTRAINT "SuppressionLog_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuppressionLog" ADD CONSTRAINT "SuppressionLog_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuppressionLog" ADD CONSTRAINT "SuppressionLog_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
