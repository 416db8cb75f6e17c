-- CreateTable
CREATE TABLE "SmsKeywordReply" (
    "messageSid" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsKeywordReply_pkey" PRIMARY KEY ("messageSid")
);
