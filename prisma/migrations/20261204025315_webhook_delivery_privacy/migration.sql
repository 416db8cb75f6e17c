/*
  Warnings:

  - You are about to drop the column `responseSnippet` on the `WebhookDelivery` table. All the data in the column will be lost.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "customerId" TEXT,
    "responseId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastAttemptAt" DATETIME,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "durationMs" INTEGER,
    "attemptLog" JSONB,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookDelivery_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookDelivery" ("attemptLog", "attempts", "createdAt", "durationMs", "endpointId", "eventId", "eventType", "id", "lastAttemptAt", "lastError", "lastStatusCode", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "orgId", "payload", "status", "updatedAt") SELECT "attemptLog", "attempts", "createdAt", "durationMs", "endpointId", "eventId", "eventType", "id", "lastAttemptAt", "lastError", "lastStatusCode", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "orgId", "payload", "status", "updatedAt" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
CREATE INDEX "WebhookDelivery_nextAttemptAt_idx" ON "WebhookDelivery"("nextAttemptAt");
CREATE INDEX "WebhookDelivery_orgId_endpointId_createdAt_idx" ON "WebhookDelivery"("orgId", "endpointId", "createdAt");
CREATE INDEX "WebhookDelivery_orgId_customerId_idx" ON "WebhookDelivery"("orgId", "customerId");
CREATE INDEX "WebhookDelivery_orgId_responseId_idx" ON "WebhookDelivery"("orgId", "responseId");
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_eventId_key" ON "WebhookDelivery"("endpointId", "eventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Issue #13 (webhooks): the receiver's answers (responseSnippet) went with the column above. Error texts named
-- internal hosts, ports and network errors: they become their generic class (lib/net/outbound.ts), in the last
-- error and in every attempt log entry, whose instance (it held the server's host name and process id) is
-- dropped. Then the new subject columns are filled from each payload, for erasure and retention (lib/privacy).
UPDATE "WebhookDelivery" SET "lastError" = CASE
    WHEN "lastError" IS NULL THEN NULL
    WHEN "lastError" LIKE 'HTTP %' THEN 'http_error'
    WHEN "lastError" LIKE 'Redirect %' THEN 'redirect'
    WHEN "lastError" LIKE 'No answer within%' OR "lastError" LIKE '%ETIMEDOUT%' OR "lastError" LIKE '%CONNECT_TIMEOUT%' THEN 'timeout'
    WHEN "lastError" LIKE '%ECONNREFUSED%' THEN 'refused'
    WHEN "lastError" LIKE '%CERT%' OR "lastError" LIKE '%TLS%' OR "lastError" LIKE '%SSL%' THEN 'tls'
    ELSE 'unreachable' END WHERE "lastError" IS NOT NULL;
UPDATE "WebhookDelivery" SET "attemptLog" = (
  SELECT json_group_array(json_object('at', json_extract(e.value, '$.at'), 'statusCode', json_extract(e.value, '$.statusCode'),
    'error', CASE
    WHEN json_extract(e.value, '$.error') IS NULL THEN NULL
    WHEN json_extract(e.value, '$.error') LIKE 'HTTP %' THEN 'http_error'
    WHEN json_extract(e.value, '$.error') LIKE 'Redirect %' THEN 'redirect'
    WHEN json_extract(e.value, '$.error') LIKE 'No answer within%' OR json_extract(e.value, '$.error') LIKE '%ETIMEDOUT%' OR json_extract(e.value, '$.error') LIKE '%CONNECT_TIMEOUT%' THEN 'timeout'
    WHEN json_extract(e.value, '$.error') LIKE '%ECONNREFUSED%' THEN 'refused'
    WHEN json_extract(e.value, '$.error') LIKE '%CERT%' OR json_extract(e.value, '$.error') LIKE '%TLS%' OR json_extract(e.value, '$.error') LIKE '%SSL%' THEN 'tls'
    ELSE 'unreachable' END,
    'durationMs', json_extract(e.value, '$.durationMs'), 'instance', NULL))
  FROM (SELECT "key", "value" FROM json_each("WebhookDelivery"."attemptLog") ORDER BY "key") AS e
) WHERE "attemptLog" IS NOT NULL AND json_valid("attemptLog") AND json_type("attemptLog") = 'array';
UPDATE "WebhookDelivery" SET "customerId" = json_extract("payload", '$.data.customerId'),
  "responseId" = CASE WHEN "eventType" = 'response.created' THEN json_extract("payload", '$.data.responseId') END
  WHERE json_valid("payload");
