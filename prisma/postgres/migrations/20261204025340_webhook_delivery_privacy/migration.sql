/*
  Warnings:

  - You are about to drop the column `responseSnippet` on the `WebhookDelivery` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "WebhookDelivery" DROP COLUMN "responseSnippet",
ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "responseId" TEXT;

-- CreateIndex
CREATE INDEX "WebhookDelivery_orgId_customerId_idx" ON "WebhookDelivery"("orgId", "customerId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_orgId_responseId_idx" ON "WebhookDelivery"("orgId", "responseId");

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
UPDATE "WebhookDelivery" AS d SET "attemptLog" = COALESCE((
  SELECT jsonb_agg(jsonb_build_object('at', e.value->'at', 'statusCode', e.value->'statusCode',
    'error', CASE
    WHEN (e.value->>'error') IS NULL THEN NULL
    WHEN (e.value->>'error') LIKE 'HTTP %' THEN 'http_error'
    WHEN (e.value->>'error') LIKE 'Redirect %' THEN 'redirect'
    WHEN (e.value->>'error') LIKE 'No answer within%' OR (e.value->>'error') LIKE '%ETIMEDOUT%' OR (e.value->>'error') LIKE '%CONNECT_TIMEOUT%' THEN 'timeout'
    WHEN (e.value->>'error') LIKE '%ECONNREFUSED%' THEN 'refused'
    WHEN (e.value->>'error') LIKE '%CERT%' OR (e.value->>'error') LIKE '%TLS%' OR (e.value->>'error') LIKE '%SSL%' THEN 'tls'
    ELSE 'unreachable' END,
    'durationMs', e.value->'durationMs', 'instance', NULL) ORDER BY e.ord)
  FROM jsonb_array_elements(d."attemptLog") WITH ORDINALITY AS e(value, ord)
), '[]'::jsonb) WHERE jsonb_typeof(d."attemptLog") = 'array';
UPDATE "WebhookDelivery" SET "customerId" = ("payload"::jsonb) #>> '{data,customerId}',
  "responseId" = CASE WHEN "eventType" = 'response.created' THEN ("payload"::jsonb) #>> '{data,responseId}' END;
