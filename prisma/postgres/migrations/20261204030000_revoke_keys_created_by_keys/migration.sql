-- API keys may no longer create keys (docs/security/api-keys.md). A key that an API key created before this change
-- is revoked here: the audit log names the creating key (AuditEvent.apiKeyId on "api_key.created"), the ApiKey row
-- does not, so such a child key would otherwise outlive the key that made it. Each revocation is audited (System).
INSERT INTO "AuditEvent" ("id", "orgId", "actorId", "apiKeyId", "action", "entityType", "entityId", "data", "createdAt")
SELECT 'mig' || md5(random()::text || k."id"), k."orgId", NULL, NULL, 'api_key.revoked', 'ApiKey', k."id", '{"reason":"created_by_api_key"}'::jsonb, (now() AT TIME ZONE 'UTC')
FROM "ApiKey" k
WHERE k."revokedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."orgId" = k."orgId" AND e."entityType" = 'ApiKey' AND e."entityId" = k."id" AND e."action" = 'api_key.created' AND e."apiKeyId" IS NOT NULL);

UPDATE "ApiKey" SET "revokedAt" = (now() AT TIME ZONE 'UTC')
WHERE "revokedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."orgId" = "ApiKey"."orgId" AND e."entityType" = 'ApiKey' AND e."entityId" = "ApiKey"."id" AND e."action" = 'api_key.created' AND e."apiKeyId" IS NOT NULL);
