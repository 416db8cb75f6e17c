// What an admin does in Settings → SCIM provisioning besides tokens: see the groups the identity provider
// pushed and map each to a role (or to none). Mapping recomputes the role of every member of the group.
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { roleSchema } from "../auth/roles";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/service";
import { applyGroupRoles } from "./group-roles";

export const scimTokenCreateSchema = z.object({ name: z.string().trim().min(1, "Give the token a name").max(80) });
export const scimGroupRoleSchema = z.object({
  role: z.union([roleSchema, z.literal("")]).transform((r) => (r === "" ? null : r)),
});

export async function listScimGroupsForAdmin(ctx: Ctx) {
  const rows = await db.scimGroup.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { displayName: "asc" },
    include: { _count: { select: { members: true } } },
  });
  return rows.map((g) => ({
    id: g.id,
    displayName: g.displayName,
    externalId: g.externalId,
    role: g.role,
    members: g._count.members,
    updatedAt: g.updatedAt,
  }));
}

export async function setScimGroupRole(ctx: Ctx, groupId: string, role: z.output<typeof scimGroupRoleSchema>["role"]) {
  await db.$transaction(async (tx) => {
    const g = await tx.scimGroup.findFirst({
      where: { id: groupId, orgId: ctx.orgId },
      include: { members: { select: { membershipId: true } } },
    });
    if (!g) throw new NotFoundError("SCIM group");
    if (g.role === role) return;
    await tx.scimGroup.update({ where: { id: g.id }, data: { role } });
    await recordAudit(
      ctx,
      {
        action: "scim_group.role_mapped",
        entityType: "ScimGroup",
        entityId: g.id,
        data: { displayName: g.displayName, from: g.role, to: role },
      },
      tx,
    );
    await applyGroupRoles(
      tx,
      ctx,
      g.members.map((m) => m.membershipId),
      { via: "scim_group_mapping" },
    );
  });
}
