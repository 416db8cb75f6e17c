// A member's role under SCIM groups: the highest role among the role-mapped groups they are in, or their own
// role when they are in none. Membership.role always holds the role in force (everything else reads only that);
// while a group sets it, the member's own role waits in Membership.ownRole and comes back when the last mapped
// group lets go.
import type { Prisma } from "../db";
import { ROLES, isRole, type Role } from "../auth/roles";
import { recordAudit, type AuditActor } from "../audit/service";

type Tx = Prisma.TransactionClient;

const rank = (r: Role) => ROLES.indexOf(r);

export function highestRole(roles: (string | null)[]): Role | null {
  const valid = roles.filter(isRole);
  return valid.length ? valid.reduce((a, b) => (rank(b) > rank(a) ? b : a)) : null;
}

/** Roles named by the displayName convention: "resonance-admins", "Resonance Manager", "resonance_agent" … */
export function conventionRole(displayName: string): Role | null {
  const m = displayName.trim().match(/^resonance[\s_-]+(admin|manager|agent|viewer)s?$/i);
  return m ? (m[1].toLowerCase() as Role) : null;
}

/** Recomputes the role of these members; `actor` is the SCIM caller or the admin who mapped a group. */
export async function applyGroupRoles(
  tx: Tx,
  actor: AuditActor,
  membershipIds: Iterable<string>,
  via: Record<string, string>,
): Promise<void> {
  const orgId = actor.orgId;
  const ids = [...new Set(membershipIds)];
  if (ids.length === 0) return;
  const members = await tx.membership.findMany({
    where: { orgId, id: { in: ids } },
    select: {
      id: true,
      userId: true,
      role: true,
      ownRole: true,
      scimGroups: { select: { group: { select: { role: true } } } },
    },
  });
  for (const m of members) {
    const own = m.ownRole ?? m.role;
    const fromGroups = highestRole(m.scimGroups.map((g) => g.group.role));
    const role = fromGroups ?? own;
    const ownRole = fromGroups ? own : null;
    if (role === m.role && ownRole === m.ownRole) continue;
    await tx.membership.update({ where: { id: m.id }, data: { role, ownRole } });
    if (role !== m.role) {
      await recordAudit(
        actor,
        {
          action: "member.role_changed",
          entityType: "Membership",
          entityId: m.id,
          data: { from: m.role, to: role, ...via },
        },
        tx,
      );
    }
  }
}
