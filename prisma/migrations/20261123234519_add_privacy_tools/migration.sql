-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "redactedAt" DATETIME;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "erasedAt" DATETIME;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "consent" BOOLEAN,
    "source" TEXT NOT NULL,
    "actorId" TEXT,
    "apiKeyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsentEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsentEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "cutoff" DATETIME NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RetentionRun_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ConsentEvent_orgId_customerId_createdAt_idx" ON "ConsentEvent"("orgId", "customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionRun_orgId_periodKey_key" ON "RetentionRun"("orgId", "periodKey");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_action_createdAt_idx" ON "AuditEvent"("orgId", "action", "createdAt");

-- AuditEvent is append-only: the database refuses UPDATE and DELETE, whatever the application does.
-- Three narrow exceptions, each checked column by column:
--  1. an erasure's redaction (lib/privacy/erasure.ts): only "data" changes, and "redactedAt" is stamped
--     (later than any earlier stamp) — personal data of an erased customer must not outlive the erasure;
--  2. ON DELETE SET NULL of "actorId" once that user row is really gone;
--  3. ON DELETE CASCADE once the whole organization row is really gone.
CREATE TRIGGER "AuditEvent_append_only_update" BEFORE UPDATE ON "AuditEvent"
WHEN NOT (
  (NEW."id" = OLD."id" AND NEW."orgId" = OLD."orgId" AND NEW."apiKeyId" IS OLD."apiKeyId" AND NEW."action" = OLD."action"
    AND NEW."entityType" = OLD."entityType" AND NEW."entityId" IS OLD."entityId" AND NEW."createdAt" = OLD."createdAt")
  AND (
    (NEW."actorId" IS OLD."actorId" AND NEW."redactedAt" IS NOT NULL AND (OLD."redactedAt" IS NULL OR NEW."redactedAt" > OLD."redactedAt"))
    OR (NEW."actorId" IS NULL AND OLD."actorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = OLD."actorId")
      AND NEW."data" IS OLD."data" AND NEW."redactedAt" IS OLD."redactedAt")
  )
)
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_append_only_delete" BEFORE DELETE ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "Organization" WHERE "id" = OLD."orgId")
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
