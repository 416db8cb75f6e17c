-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "deliveredAt" DATETIME;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "deliveredAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "deliveryError" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "deliveryStatus" TEXT;

-- CreateIndex
CREATE INDEX "Invitation_address_channel_idx" ON "Invitation"("address", "channel");

-- CreateIndex
CREATE INDEX "OutboxMessage_messageId_idx" ON "OutboxMessage"("messageId");
