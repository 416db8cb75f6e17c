-- CreateTable
CREATE TABLE "SmsKeywordReply" (
    "messageSid" TEXT NOT NULL PRIMARY KEY,
    "keyword" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
