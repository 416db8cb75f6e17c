// API keys for integrations: `rsn_<prefix>_<secret>`, shown once; only the sha256 of the whole key is
// stored. A key carries a role (never above admin) and acts for the member who created it, never above that
// member's current role (docs/security/api-keys.md). Keys cannot manage access: the routes for keys, invites,
// member changes and single sign-on are session-only (`sessionOnly` in lib/http/handler.ts).
import { db } from "../db";
import { narrowerScope } from "../units/scope-load";
import type { Ctx } from "../auth/ctx";
import { isRole, lowerRole } from "../auth/roles";
import { randomToken, sha256 } from "../auth/tokens";
import { KeyCannotManageAccessError, NotFoundError } from "../errors";
import { recordAudit } from "../audit/service";
import { checkUnitRef } from "../units/service";
import { unitNamesOf } from "../members/service";
import type { CreateApiKeyInput } from "./schema";

const KEY_PATTERN = /^rsn_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{20,})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

function toDto(
  k: {
    id: string;
    name: string;
    prefix: string;
    role: string;
    unitId: string | null;
    createdAt: Date;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
  },
  unitNames: ReadonlyMap<string, string> = new Map(),
) {
  return {
    id: k.id,
    name: k.name,
    prefix: `rsn_${k.prefix}`,
    role: k.role,
    /** The key's own scope (null: its creator's); its effective scope is the narrower of the two. */
    unitId: k.unitId,
    unit: k.unitId ? { id: k.unitId, name: unitNames.get(k.unitId) ?? "" } : null,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  };
}

export async function listApiKeys(ctx: Ctx) {
  const keys = await db.apiKey.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: "desc" } });
  const names = await unitNamesOf(
    ctx.orgId,
    keys.map((k) => k.unitId),
  );
  return keys.map((k) => toDto(k, names));
}

export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  // Keys never mint keys: a key's lineage is not stored, so a child key could outlive the key that made it.
  if (ctx.apiKeyId) throw new KeyCannotManageAccessError();
  // A key limited to a unit: an active unit of this organization (another's is a 404, an archived one a 400).
  await checkUnitRef(db, ctx.orgId, input.unitId);
  const prefix = randomToken(16)
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 10)
    .padEnd(10, "0");
  const key = `rsn_${prefix}_${randomToken(24)}`;
  const row = await db.apiKey.create({
    data: {
      orgId: ctx.orgId,
      name: input.name,
      role: input.role,
      unitId: input.unitId ?? null,
      prefix,
      keyHash: sha256(key),
      createdById: ctx.userId,
    },
  });
  await recordAudit(ctx, {
    action: "api_key.created",
    entityType: "ApiKey",
    entityId: row.id,
    data: { name: row.name, role: row.role, unitId: row.unitId },
  });
  return { ...toDto(row, await unitNamesOf(ctx.orgId, [row.unitId])), key };
}

export async function revokeApiKey(ctx: Ctx, id: string) {
  const row = await db.apiKey.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!row) throw new NotFoundError("API key");
  const updated = row.revokedAt
    ? row
    : await db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
  if (!row.revokedAt) await recordAudit(ctx, { action: "api_key.revoked", entityType: "ApiKey", entityId: row.id });
  return toDto(updated);
}

export async function authenticateApiKey(key: string): Promise<Ctx | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: sha256(key) } });
  if (!row || row.revokedAt || !isRole(row.role)) return null;
  // The key acts for its creator, checked on every request: only while they are an active member (a member
  // de-provisioned by SCIM is suspended: their keys are also revoked then, lib/scim/deprovision.ts, and this check
  // holds even without), and never above their current role, so a demotion takes effect on the very next request.
  const member = await db.membership.findUnique({
    where: { orgId_userId: { orgId: row.orgId, userId: row.createdById } },
    select: { role: true, suspendedAt: true, unitId: true },
  });
  if (!member || member.suspendedAt || !isRole(member.role)) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  // The same for the scope: the narrower of the key's own and its creator's current one (docs/hierarchy.md).
  const scope = await narrowerScope(row.orgId, row.unitId, member.unitId);
  return { orgId: row.orgId, userId: row.createdById, role: lowerRole(row.role, member.role), apiKeyId: row.id, scope };
}
