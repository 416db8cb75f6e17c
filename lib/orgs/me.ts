import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { listMyOrganizations } from "./service";

export async function describeCaller(ctx: Ctx) {
  const [user, org, organizations] = await Promise.all([
    db.user.findUnique({ where: { id: ctx.userId }, select: { id: true, name: true, email: true } }),
    db.organization.findUnique({ where: { id: ctx.orgId }, select: { id: true, name: true, slug: true } }),
    listMyOrganizations(ctx.userId),
  ]);
  return { user, organization: org, role: ctx.role, via: ctx.apiKeyId ? "api_key" : "session", organizations };
}
