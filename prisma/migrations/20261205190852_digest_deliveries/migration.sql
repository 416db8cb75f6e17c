-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "userIds" TEXT NOT NULL,
    "messageId" TEXT,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DigestDelivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DigestRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DigestDelivery_runId_idx" ON "DigestDelivery"("runId");
