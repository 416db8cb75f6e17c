-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "resumeTokenHash" TEXT;
