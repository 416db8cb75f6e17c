// "Require two-factor authentication" per organization (Organization.requireTwoFactor). Enforced where ctx is
// built (lib/auth/ctx.ts ctxForUser): a session opens such an organization only when the user has TOTP on
// and this session passed it (a code at sign-in, the enrolment itself, or a code on /account/two-factor).
// Pages then redirect to /account/two-factor (lib/auth/action.ts); /api/v1 answers 403 problem+json.
// API keys are not sessions and are not affected: an admin creates them deliberately, each is revocable
// and scoped to one organization and role (docs/identity/two-factor.md).
import type { Ctx } from "../auth/ctx";
import { db } from "../db";
import { recordAudit } from "../audit/service";
import { ConflictError, ForbiddenError } from "../errors";

export const TWO_FACTOR_PAGE = "/account/two-factor";

export class TwoFactorRequiredError extends ForbiddenError {
  constructor(readonly orgId: string) {
    super(
      `This organization requires two-factor authentication. Turn it on, or confirm this session with a code, at ${TWO_FACTOR_PAGE}.`,
    );
  }
}

/** The session (by id) belongs to the user, is live, passed a second factor, and the user still has TOTP on. */
export async function sessionPassedSecondFactor(userId: string, sid: string | null | undefined): Promise<boolean> {
  if (!sid) return false;
  const row = await db.userSession.findFirst({
    where: { id: sid, userId, mfa: true, revokedAt: null, user: { totpEnabledAt: { not: null } } },
    select: { id: true },
  });
  return row !== null;
}

export async function getTwoFactorPolicy(ctx: Ctx): Promise<{ requireTwoFactor: boolean; membersWithout: number }> {
  const [org, membersWithout] = await Promise.all([
    db.organization.findUnique({ where: { id: ctx.orgId }, select: { requireTwoFactor: true } }),
    db.membership.count({ where: { orgId: ctx.orgId, suspendedAt: null, user: { totpEnabledAt: null } } }),
  ]);
  return { requireTwoFactor: org?.requireTwoFactor ?? false, membersWithout };
}

/**
 * Turns the requirement on or off (admins). Turning it on needs the admin's own session to have passed a
 * second factor, so that no admin locks themselves out by a click.
 */
export async function setRequireTwoFactor(ctx: Ctx, sid: string | null, requireTwoFactor: boolean): Promise<void> {
  if (requireTwoFactor && !(await sessionPassedSecondFactor(ctx.userId, sid))) {
    throw new ConflictError(
      "Turn on two-factor authentication for your own account first (the “Two-factor authentication” link under your name), then require it for everyone.",
    );
  }
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: ctx.orgId },
      select: { requireTwoFactor: true },
    });
    if (before.requireTwoFactor === requireTwoFactor) return;
    await tx.organization.update({ where: { id: ctx.orgId }, data: { requireTwoFactor } });
    await recordAudit(
      ctx,
      {
        action: requireTwoFactor ? "organization.two_factor_required" : "organization.two_factor_optional",
        entityType: "Organization",
        entityId: ctx.orgId,
        data: { requireTwoFactor },
      },
      tx,
    );
  });
}
