-- CreateTable
CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "verifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SsoDomain_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SsoDomain_orgId_idx" ON "SsoDomain"("orgId");
