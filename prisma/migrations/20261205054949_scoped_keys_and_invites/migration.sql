-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "unitId" TEXT;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "unitId" TEXT;
