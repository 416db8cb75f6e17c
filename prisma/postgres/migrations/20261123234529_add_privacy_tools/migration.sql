-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "redactedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "consent" BOOLEAN,
    "source" TEXT NOT NULL,
    "actorId" TEXT,
    "apiKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsentEvent_orgId_customerId_createdAt_idx" ON "ConsentEvent"("orgId", "customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionRun_orgId_periodKey_key" ON "RetentionRun"("orgId", "periodKey");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_action_createdAt_idx" ON "AuditEvent"("orgId", "action", "createdAt");

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionRun" ADD CONSTRAINT "RetentionRun_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AuditEvent is append-only: the database refuses UPDATE and DELETE, whatever the application does.
-- Three narrow exceptions, each checked column by column:
--  1. an erasure's redaction (lib/privacy/erasure.ts): only "data" changes, and "redactedAt" is stamped
--     (later than any earlier stamp) — personal data of an erased customer must not outlive the erasure;
--  2. ON DELETE SET NULL of "actorId" once that user row is really gone;
--  3. ON DELETE CASCADE once the whole organization row is really gone.
CREATE FUNCTION "AuditEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM "Organization" WHERE "id" = OLD."orgId") THEN
      RETURN OLD;
    END IF;
  ELSIF NEW."id" = OLD."id" AND NEW."orgId" = OLD."orgId" AND NEW."apiKeyId" IS NOT DISTINCT FROM OLD."apiKeyId"
    AND NEW."action" = OLD."action" AND NEW."entityType" = OLD."entityType"
    AND NEW."entityId" IS NOT DISTINCT FROM OLD."entityId" AND NEW."createdAt" = OLD."createdAt" THEN
    IF NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" AND NEW."redactedAt" IS NOT NULL
      AND (OLD."redactedAt" IS NULL OR NEW."redactedAt" > OLD."redactedAt") THEN
      RETURN NEW;
    END IF;
    IF NEW."actorId" IS NULL AND OLD."actorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = OLD."actorId")
      AND NEW."data" IS NOT DISTINCT FROM OLD."data" AND NEW."redactedAt" IS NOT DISTINCT FROM OLD."redactedAt" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only' USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();
