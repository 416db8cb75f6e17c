-- CreateTable
CREATE TABLE "CustomerSearchToken" (
    "orgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "head" TEXT NOT NULL,
    "token" TEXT NOT NULL,

    CONSTRAINT "CustomerSearchToken_pkey" PRIMARY KEY ("customerId","token")
);

-- CreateIndex
CREATE INDEX "CustomerSearchToken_orgId_head_token_idx" ON "CustomerSearchToken"("orgId", "head", "token");

-- AddForeignKey
ALTER TABLE "CustomerSearchToken" ADD CONSTRAINT "CustomerSearchToken_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerSearchToken" ADD CONSTRAINT "CustomerSearchToken_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
