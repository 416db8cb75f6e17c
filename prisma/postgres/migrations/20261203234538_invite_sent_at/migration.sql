-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "sentAt" TIMESTAMP(3);
