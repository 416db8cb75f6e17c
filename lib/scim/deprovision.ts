// What de-provisioning does to a member (SCIM `active: false` or DELETE of the User), in the caller's
// transaction: the membership is suspended (kept, with its history and group memberships) or removed; every
// session of the person ends (lib/auth/sessions.ts: the next request of any browser is signed out — sessions
// belong to the person, not to one organization, so a person in several organizations signs in again for the
// others); the API keys they created in this organization are revoked. lib/api-keys/service.ts also refuses a
// key whose creator is suspended, so a key is dead even if this revocation were ever skipped.
// The last-admin rule of lib/members/service.ts does not apply: the identity provider is the authority.
import type { Prisma } from "../db";
import { revokeUserSessions } from "../auth/sessions";
import { recordAudit } from "../audit/service";

type Tx = Prisma.TransactionClient;
type Member = { id: string; orgId: string; userId: string };

export function scimActor(orgId: string) {
  return { orgId, userId: null, apiKeyId: null };
}

async function cutAccess(tx: Tx, m: Member, now: Date) {
  const sessions = await revokeUserSessions(m.userId, "deprovisioned", {}, tx);
  const keys = await tx.apiKey.updateMany({
    where: { orgId: m.orgId, createdById: m.userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return { sessionsEnded: sessions, apiKeysRevoked: keys.count };
}

export async function suspendMember(tx: Tx, m: Member, tokenId: string): Promise<void> {
  const now = new Date();
  await tx.membership.update({ where: { id: m.id }, data: { suspendedAt: now } });
  const cut = await cutAccess(tx, m, now);
  await recordAudit(
    scimActor(m.orgId),
    {
      action: "member.deprovisioned",
      entityType: "Membership",
      entityId: m.id,
      data: { userId: m.userId, via: "scim", scimTokenId: tokenId, ...cut },
    },
    tx,
  );
}

/** Re-activation restores the membership; revoked API keys stay revoked (the person makes new ones). */
export async function reactivateMember(tx: Tx, m: Member, tokenId: string): Promise<void> {
  await tx.membership.update({ where: { id: m.id }, data: { suspendedAt: null } });
  await recordAudit(
    scimActor(m.orgId),
    {
      action: "member.reactivated",
      entityType: "Membership",
      entityId: m.id,
      data: { userId: m.userId, via: "scim", scimTokenId: tokenId },
    },
    tx,
  );
}

export async function removeMemberByScim(tx: Tx, m: Member, tokenId: string): Promise<void> {
  const cut = await cutAccess(tx, m, new Date());
  await tx.membership.delete({ where: { id: m.id } });
  await recordAudit(
    scimActor(m.orgId),
    {
      action: "member.removed",
      entityType: "Membership",
      entityId: m.id,
      data: { userId: m.userId, via: "scim", scimTokenId: tokenId, ...cut },
    },
    tx,
  );
}
