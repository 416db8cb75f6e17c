import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { listMyOrganizations } from "./service";

export async function describeCaller(ctx: Ctx) {
  const [user, org, memberships] = await Promise.all([
    db.user.findUnique({ where: { id: ctx.userId }, select: { id: true, name: true, email: true } }),
    db.organization.findUnique({ where: { id: ctx.orgId }, select: { id: true, name: true, slug: true } }),
    listMyOrganizations(ctx.userId),
  ]);
  // An API key belongs to one organization: it does not tell which other tenants its creator belongs to, and its
  // role there is the key's effective one (lib/api-keys/service.ts), not the creator's.
  const organizations = ctx.apiKeyId
    ? memberships.filter((o) => o.id === ctx.orgId).map((o) => ({ ...o, role: ctx.role }))
    : memberships;
  // The units the caller sees (docs/hierarchy.md, "Scoped memberships"): null is the whole organization.
  const scope = ctx.scope ? { unitId: ctx.scope.unitId, unitName: ctx.scope.unitName } : null;
  return { user, organization: org, role: ctx.role, scope, via: ctx.apiKeyId ? "api_key" : "session", organizations };
}
