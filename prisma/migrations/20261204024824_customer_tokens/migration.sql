-- AlterTable
ALTER TABLE "Response" ADD COLUMN "customerClaim" TEXT;

-- CreateTable
CREATE TABLE "CustomerTokenSecret" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiresAt" DATETIME,
    CONSTRAINT "CustomerTokenSecret_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CustomerTokenSecret_orgId_createdAt_idx" ON "CustomerTokenSecret"("orgId", "createdAt");
