// Who a verified single sign-on answer is: the user already linked to (connection, subject); else the account
// with that e-mail, linked now — only when it belongs to this organization alone, so that an organization's
// identity provider can never take over an account that also opens other organizations; else a new account
// without a password. The user then becomes a member of the connection's organization (just in time, with
// its default role) unless they are one already; a suspended member stays out.
import { db } from "../db";
import { isRole } from "../auth/roles";
import { recordAudit } from "../audit/service";
import { SsoSignInError, type VerifiedSsoUser } from "./flow";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The account's memberships (suspended ones too) are all in this organization, else account_conflict. */
async function assertOnlyHere(tx: Tx, userId: string, orgId: string, opts: { needsOne?: boolean } = {}): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { orgId: true } });
  const onlyHere = (!opts.needsOne || memberships.length > 0) && memberships.every((m) => m.orgId === orgId);
  if (!onlyHere) throw new SsoSignInError("account_conflict");
}

export async function resolveSsoUser(
  v: VerifiedSsoUser,
  now = new Date(),
): Promise<{ id: string; email: string; name: string }> {
  return db.$transaction(async (tx) => {
    const actor = { orgId: v.orgId, apiKeyId: null };
    const linked = await tx.userIdentity.findUnique({
      where: { connectionId_subject: { connectionId: v.connectionId, subject: v.subject } },
      select: { id: true, userId: true },
    });
    let userId: string;
    if (linked) {
      userId = linked.userId;
      // The same rule as for linking: once the account also opens other organizations (an invite accepted
      // later), this provider no longer speaks for it — else any organization's provider could sign in as
      // someone who has since become a member elsewhere.
      await assertOnlyHere(tx, userId, v.orgId);
      await tx.userIdentity.update({ where: { id: linked.id }, data: { email: v.email, lastLoginAt: now } });
    } else {
      const existing = await tx.user.findUnique({ where: { email: v.email }, select: { id: true } });
      if (existing) {
        await assertOnlyHere(tx, existing.id, v.orgId, { needsOne: true });
        userId = existing.id;
      } else {
        // emailVerifiedAt stays unset: a provider's word proves nothing to other organizations (only a link
        // this installation e-mailed does).
        const created = await tx.user.create({
          data: { email: v.email, name: v.name ?? v.email.split("@")[0], passwordHash: null },
          select: { id: true },
        });
        userId = created.id;
      }
      await tx.userIdentity.create({
        data: {
          userId,
          connectionId: v.connectionId,
          subject: v.subject,
          email: v.email,
          createdAt: now,
          lastLoginAt: now,
        },
      });
      await recordAudit(
        { ...actor, userId },
        {
          action: "sso_identity.linked",
          entityType: "User",
          entityId: userId,
          data: { subject: v.subject, email: v.email, newAccount: !existing },
        },
        tx,
      );
    }
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: v.orgId, userId } },
      select: { suspendedAt: true },
    });
    if (membership?.suspendedAt) throw new SsoSignInError("suspended");
    if (!membership) {
      const role = isRole(v.defaultRole) ? v.defaultRole : "viewer";
      const m = await tx.membership.create({
        data: { orgId: v.orgId, userId, role, source: "sso" },
        select: { id: true },
      });
      await recordAudit(
        { ...actor, userId },
        {
          action: "member.joined",
          entityType: "Membership",
          entityId: m.id,
          data: { source: "sso", role, email: v.email },
        },
        tx,
      );
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true },
    });
    return user;
  });
}
