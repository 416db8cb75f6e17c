-- API keys may no longer create keys (docs/security/api-keys.md). A key that an API key created before this change
-- is revoked here: the audit log names the creating key (AuditEvent.apiKeyId on "api_key.created"), the ApiKey row
-- does not, so such a child key would otherwise outlive the key that made it. Each revocation is audited (System).
INSERT INTO "AuditEvent" ("id", "orgId", "actorId", "apiKeyId", "action", "entityType", "entityId", "data", "createdAt")
SELECT 'mig' || lower(hex(randomblob(12))), k."orgId", NULL, NULL, 'api_key.revoked', 'ApiKey', k."id", '{"reason":"created_by_api_key"}', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM "ApiKey" k
WHERE k."revokedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."orgId" = k."orgId" AND e."entityType" = 'ApiKey' AND e."entityId" = k."id" AND e."action" = 'api_key.created' AND e."apiKeyId" IS NOT NULL);

UPDATE "ApiKey" SET "revokedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
WHERE "revokedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."orgId" = "ApiKey"."orgId" AND e."entityType" = 'ApiKey' AND e."entityId" = "ApiKey"."id" AND e."action" = 'api_key.created' AND e."apiKeyId" IS NOT NULL);
