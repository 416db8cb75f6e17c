-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "parentId" TEXT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Unit_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "customerId" TEXT,
    "responseId" TEXT,
    "interactionId" TEXT,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "ownerId" TEXT,
    "dueAt" DATETIME,
    "rootCause" TEXT,
    "resolution" TEXT,
    "triggerKey" TEXT,
    "unitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    CONSTRAINT "Case_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Case_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("createdAt", "customerId", "dueAt", "id", "interactionId", "orgId", "ownerId", "priority", "resolution", "resolvedAt", "responseId", "rootCause", "status", "title", "triggerKey", "updatedAt") SELECT "createdAt", "customerId", "dueAt", "id", "interactionId", "orgId", "ownerId", "priority", "resolution", "resolvedAt", "responseId", "rootCause", "status", "title", "triggerKey", "updatedAt" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE INDEX "Case_orgId_status_dueAt_idx" ON "Case"("orgId", "status", "dueAt");
CREATE INDEX "Case_orgId_ownerId_status_idx" ON "Case"("orgId", "ownerId", "status");
CREATE INDEX "Case_orgId_customerId_idx" ON "Case"("orgId", "customerId");
CREATE INDEX "Case_orgId_unitId_status_idx" ON "Case"("orgId", "unitId", "status");
CREATE UNIQUE INDEX "Case_orgId_triggerKey_key" ON "Case"("orgId", "triggerKey");
CREATE TABLE "new_Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "attributes" JSONB,
    "consent" BOOLEAN,
    "consentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME,
    "erasedAt" DATETIME,
    "unitId" TEXT,
    CONSTRAINT "Customer_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Customer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Customer" ("attributes", "consent", "consentAt", "createdAt", "email", "erasedAt", "externalId", "id", "lastSeenAt", "name", "orgId", "phone", "updatedAt") SELECT "attributes", "consent", "consentAt", "createdAt", "email", "erasedAt", "externalId", "id", "lastSeenAt", "name", "orgId", "phone", "updatedAt" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE INDEX "Customer_orgId_email_idx" ON "Customer"("orgId", "email");
CREATE INDEX "Customer_orgId_name_idx" ON "Customer"("orgId", "name");
CREATE INDEX "Customer_orgId_createdAt_idx" ON "Customer"("orgId", "createdAt");
CREATE INDEX "Customer_orgId_unitId_idx" ON "Customer"("orgId", "unitId");
CREATE UNIQUE INDEX "Customer_orgId_externalId_key" ON "Customer"("orgId", "externalId");
CREATE TABLE "new_Interaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "touchpointId" TEXT,
    "channelId" TEXT,
    "staffId" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "emotion" INTEGER,
    "note" TEXT,
    "source" TEXT NOT NULL DEFAULT 'staff',
    "clientId" TEXT,
    "unitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Interaction_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Interaction_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interaction_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Interaction_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interaction_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interaction_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Interaction" ("channelId", "clientId", "createdAt", "customerId", "emotion", "id", "note", "occurredAt", "orgId", "outcome", "source", "staffId", "touchpointId") SELECT "channelId", "clientId", "createdAt", "customerId", "emotion", "id", "note", "occurredAt", "orgId", "outcome", "source", "staffId", "touchpointId" FROM "Interaction";
DROP TABLE "Interaction";
ALTER TABLE "new_Interaction" RENAME TO "Interaction";
CREATE INDEX "Interaction_orgId_occurredAt_idx" ON "Interaction"("orgId", "occurredAt");
CREATE INDEX "Interaction_orgId_touchpointId_occurredAt_emotion_channelId_idx" ON "Interaction"("orgId", "touchpointId", "occurredAt", "emotion", "channelId");
CREATE INDEX "Interaction_orgId_customerId_occurredAt_idx" ON "Interaction"("orgId", "customerId", "occurredAt");
CREATE INDEX "Interaction_orgId_unitId_occurredAt_idx" ON "Interaction"("orgId", "unitId", "occurredAt");
CREATE UNIQUE INDEX "Interaction_orgId_clientId_key" ON "Interaction"("orgId", "clientId");
CREATE TABLE "new_Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "suspendedAt" DATETIME,
    "externalId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'invite',
    "ownRole" TEXT,
    "unitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("createdAt", "externalId", "id", "orgId", "ownRole", "role", "source", "suspendedAt", "userId") SELECT "createdAt", "externalId", "id", "orgId", "ownRole", "role", "source", "suspendedAt", "userId" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");
CREATE UNIQUE INDEX "Membership_orgId_userId_key" ON "Membership"("orgId", "userId");
CREATE TABLE "new_Response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "surveyVersion" INTEGER NOT NULL DEFAULT 1,
    "clientId" TEXT NOT NULL,
    "customerId" TEXT,
    "touchpointId" TEXT,
    "channelId" TEXT,
    "metric" TEXT,
    "score" INTEGER,
    "category" TEXT,
    "comment" TEXT,
    "hasComment" BOOLEAN NOT NULL DEFAULT false,
    "completed" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "pageUrl" TEXT,
    "userAgentCategory" TEXT,
    "customerClaim" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "resumeTokenHash" TEXT,
    "anonymisedAt" DATETIME,
    "unitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Response_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Response_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Response_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Response_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Response" ("anonymisedAt", "category", "channelId", "clientId", "comment", "completed", "completedAt", "createdAt", "customerClaim", "customerId", "hasComment", "id", "locale", "metric", "orgId", "pageUrl", "resumeTokenHash", "score", "submittedAt", "surveyId", "surveyVersion", "touchpointId", "updatedAt", "userAgentCategory") SELECT "anonymisedAt", "category", "channelId", "clientId", "comment", "completed", "completedAt", "createdAt", "customerClaim", "customerId", "hasComment", "id", "locale", "metric", "orgId", "pageUrl", "resumeTokenHash", "score", "submittedAt", "surveyId", "surveyVersion", "touchpointId", "updatedAt", "userAgentCategory" FROM "Response";
DROP TABLE "Response";
ALTER TABLE "new_Response" RENAME TO "Response";
CREATE INDEX "Response_orgId_metric_submittedAt_score_touchpointId_channelId_idx" ON "Response"("orgId", "metric", "submittedAt", "score", "touchpointId", "channelId");
CREATE INDEX "Response_orgId_surveyId_submittedAt_idx" ON "Response"("orgId", "surveyId", "submittedAt");
CREATE INDEX "Response_orgId_touchpointId_submittedAt_metric_score_channelId_idx" ON "Response"("orgId", "touchpointId", "submittedAt", "metric", "score", "channelId");
CREATE INDEX "Response_orgId_customerId_submittedAt_idx" ON "Response"("orgId", "customerId", "submittedAt");
CREATE INDEX "Response_orgId_unitId_metric_submittedAt_score_idx" ON "Response"("orgId", "unitId", "metric", "submittedAt", "score");
CREATE UNIQUE INDEX "Response_surveyId_clientId_key" ON "Response"("surveyId", "clientId");
CREATE TABLE "new_Touchpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "channelId" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "promise" TEXT,
    "targetCsat" REAL,
    "targetCes" REAL,
    "targetNps" REAL,
    "servqualDimension" TEXT,
    "archivedAt" DATETIME,
    "unitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Touchpoint_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Touchpoint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Touchpoint_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Touchpoint_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Touchpoint_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Touchpoint" ("archivedAt", "channelId", "createdAt", "description", "id", "journeyId", "kind", "name", "orgId", "position", "promise", "servqualDimension", "stageId", "targetCes", "targetCsat", "targetNps", "updatedAt") SELECT "archivedAt", "channelId", "createdAt", "description", "id", "journeyId", "kind", "name", "orgId", "position", "promise", "servqualDimension", "stageId", "targetCes", "targetCsat", "targetNps", "updatedAt" FROM "Touchpoint";
DROP TABLE "Touchpoint";
ALTER TABLE "new_Touchpoint" RENAME TO "Touchpoint";
CREATE INDEX "Touchpoint_orgId_journeyId_idx" ON "Touchpoint"("orgId", "journeyId");
CREATE INDEX "Touchpoint_stageId_position_idx" ON "Touchpoint"("stageId", "position");
CREATE INDEX "Touchpoint_unitId_idx" ON "Touchpoint"("unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Unit_orgId_path_idx" ON "Unit"("orgId", "path");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_orgId_code_key" ON "Unit"("orgId", "code");
