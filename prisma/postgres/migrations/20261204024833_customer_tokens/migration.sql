-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "customerClaim" TEXT;

-- CreateTable
CREATE TABLE "CustomerTokenSecret" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiresAt" TIMESTAMP(3),

    CONSTRAINT "CustomerTokenSecret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerTokenSecret_orgId_createdAt_idx" ON "CustomerTokenSecret"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "CustomerTokenSecret" ADD CONSTRAINT "CustomerTokenSecret_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
