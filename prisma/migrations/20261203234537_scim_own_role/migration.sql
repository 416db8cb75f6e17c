-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "ownRole" TEXT;
