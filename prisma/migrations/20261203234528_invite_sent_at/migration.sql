-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "sentAt" DATETIME;
