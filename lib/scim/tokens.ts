// SCIM bearer tokens: `scim_<prefix>_<secret>`, shown once; only the sha256 of the whole token is stored. A token
// opens the /scim/v2 endpoints of its own organization and nothing else: /api/v1 only takes `rsn_` API keys
// (lib/api-keys/service.ts), and the SCIM wrapper (lib/scim/handler.ts) takes neither API keys nor sessions.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { randomToken, sha256 } from "../auth/tokens";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/service";

const TOKEN_PATTERN = /^scim_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{20,})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

type Row = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const toDto = (t: Row) => ({
  id: t.id,
  name: t.name,
  prefix: `scim_${t.prefix}`,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

export async function listScimTokens(ctx: Ctx) {
  const rows = await db.scimToken.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

export async function createScimToken(ctx: Ctx, input: { name: string }) {
  const prefix = randomToken(16)
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 10)
    .padEnd(10, "0");
  const token = `scim_${prefix}_${randomToken(32)}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.scimToken.create({
      data: { orgId: ctx.orgId, name: input.name, prefix, tokenHash: sha256(token), createdById: ctx.userId },
    });
    await recordAudit(
      ctx,
      { action: "scim_token.created", entityType: "ScimToken", entityId: created.id, data: { name: created.name } },
      tx,
    );
    return created;
  });
  return { ...toDto(row), token };
}

export async function revokeScimToken(ctx: Ctx, id: string) {
  const row = await db.scimToken.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!row) throw new NotFoundError("SCIM token");
  if (row.revokedAt) return toDto(row);
  const updated = await db.$transaction(async (tx) => {
    const u = await tx.scimToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(
      ctx,
      { action: "scim_token.revoked", entityType: "ScimToken", entityId: row.id, data: { name: row.name } },
      tx,
    );
    return u;
  });
  return toDto(updated);
}

export type ScimCaller = { orgId: string; tokenId: string };

/** The organization a SCIM token opens, or null (unknown, malformed, revoked). */
export async function authenticateScimToken(token: string): Promise<ScimCaller | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.scimToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.scimToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { orgId: row.orgId, tokenId: row.id };
}
