-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Touchpoint" ADD COLUMN     "unitId" TEXT;

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "parentId" TEXT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Unit_orgId_path_idx" ON "Unit"("orgId", "path");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_orgId_code_key" ON "Unit"("orgId", "code");

-- CreateIndex
CREATE INDEX "Case_orgId_unitId_status_idx" ON "Case"("orgId", "unitId", "status");

-- CreateIndex
CREATE INDEX "Customer_orgId_unitId_idx" ON "Customer"("orgId", "unitId");

-- CreateIndex
CREATE INDEX "Interaction_orgId_unitId_occurredAt_idx" ON "Interaction"("orgId", "unitId", "occurredAt");

-- CreateIndex
CREATE INDEX "Response_orgId_unitId_metric_submittedAt_score_idx" ON "Response"("orgId", "unitId", "metric", "submittedAt", "score");

-- CreateIndex
CREATE INDEX "Touchpoint_unitId_idx" ON "Touchpoint"("unitId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
