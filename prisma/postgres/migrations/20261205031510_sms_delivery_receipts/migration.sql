-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "deliveredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "deliveryError" TEXT,
ADD COLUMN     "deliveryStatus" TEXT;

-- CreateIndex
CREATE INDEX "Invitation_address_channel_idx" ON "Invitation"("address", "channel");

-- CreateIndex
CREATE INDEX "OutboxMessage_messageId_idx" ON "OutboxMessage"("messageId");
