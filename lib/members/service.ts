// Members, roles, scopes and invite links. An organization always keeps at least one admin for the whole
// organization (a unit-scoped admin cannot manage access, docs/hierarchy.md "Scoped memberships").
// Invites go to the address by e-mail when an SMTP server is configured (the admin never sees the link, so
// accepting proves the address); otherwise the admin gets the link to pass on. The invite page never tells
// whether the address already has an account (docs/identity/account-lifecycle.md, "Invites").
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Role } from "../auth/roles";
import { randomToken, sha256 } from "../auth/tokens";
import { hashNewPassword } from "../auth/password-policy";
import { AppError, ConflictError, NotFoundError, ValidationError } from "../errors";
import { publicBaseUrl, sendMail, serverMailer, type Mailer } from "../mail/transport";
import { inviteEmail } from "../account/emails";
import { localeOfAddress } from "../account/recipient-locale";
import { recordAudit } from "../audit/service";
import { revokeUserSessions } from "../auth/sessions";
import { normalizeEmail } from "../users/service";
import type { InviteCreate, MemberUpdate, NewAccount } from "./schema";
import { isUniqueViolation } from "../db-errors";
import { checkUnitRef } from "../units/service";

const INVITE_DAYS = 7;

export async function listMembers(ctx: Ctx) {
  const rows = await db.membership.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } }, unit: { select: { id: true, name: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    role: m.role,
    /** The member's scope: a unit and its subtree, or null for the whole organization. */
    unitId: m.unitId,
    unit: m.unit,
    joinedAt: m.createdAt,
    suspendedAt: m.suspendedAt,
    source: m.source,
    user: m.user,
  }));
}

// Only an admin for the whole organization manages access, so one must remain.
async function assertAnotherAdmin(ctx: Ctx, membershipId: string) {
  const admins = await db.membership.count({
    where: { orgId: ctx.orgId, role: "admin", unitId: null, suspendedAt: null, NOT: { id: membershipId } },
  });
  if (admins === 0)
    throw new ConflictError(
      "An organization needs at least one admin for the whole organization; make someone else one first.",
    );
}

export async function updateMemberRole(ctx: Ctx, membershipId: string, role: Role) {
  return updateMember(ctx, membershipId, { role });
}

/**
 * Changes a member's role and/or scope (`unitId`: an active unit of the organization, null = the whole
 * organization). The new scope holds from the member's next request (ctx is resolved per request). Audited as
 * member.role_changed and member.updated (the old and the new scope).
 */
export async function updateMember(ctx: Ctx, membershipId: string, input: MemberUpdate) {
  const m = await db.membership.findFirst({
    where: { id: membershipId, orgId: ctx.orgId },
    include: { unit: { select: { name: true } } },
  });
  if (!m) throw new NotFoundError("Member");
  const role = input.role ?? (m.role as Role);
  const unitId = input.unitId === undefined ? m.unitId : input.unitId;
  if (unitId !== m.unitId) await checkUnitRef(db, ctx.orgId, unitId);
  const staysOrgAdmin = role === "admin" && unitId === null;
  if (m.role === "admin" && m.unitId === null && !staysOrgAdmin) await assertAnotherAdmin(ctx, m.id);
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: m.id }, data: { role, unitId } });
    if (role !== m.role)
      await recordAudit(
        ctx,
        { action: "member.role_changed", entityType: "Membership", entityId: m.id, data: { from: m.role, to: role } },
        tx,
      );
    if (unitId !== m.unitId) {
      const to = unitId ? await tx.unit.findUnique({ where: { id: unitId }, select: { name: true } }) : null;
      const scope = (id: string | null, name: string | undefined) => (id ? { unitId: id, unitName: name } : null);
      await recordAudit(
        ctx,
        {
          action: "member.updated",
          entityType: "Membership",
          entityId: m.id,
          // null = the whole organization.
          data: { userId: m.userId, scope: { from: scope(m.unitId, m.unit?.name), to: scope(unitId, to?.name) } },
        },
        tx,
      );
    }
  });
  return (await listMembers(ctx)).find((x) => x.id === m.id)!;
}

export async function removeMember(ctx: Ctx, membershipId: string) {
  const m = await db.membership.findFirst({ where: { id: membershipId, orgId: ctx.orgId } });
  if (!m) throw new NotFoundError("Member");
  if (m.role === "admin") await assertAnotherAdmin(ctx, m.id);
  await db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: m.id } });
    // Their open sessions end on the next request (they sign in again to reach any other organization).
    await revokeUserSessions(m.userId, "member_removed", {}, tx);
    await recordAudit(
      ctx,
      { action: "member.removed", entityType: "Membership", entityId: m.id, data: { userId: m.userId } },
      tx,
    );
  });
}

/** An admin ends every session of a member (a lost phone, a shared computer). Returns how many ended. */
export async function revokeMemberSessions(ctx: Ctx, membershipId: string): Promise<number> {
  const m = await db.membership.findFirst({ where: { id: membershipId, orgId: ctx.orgId } });
  if (!m) throw new NotFoundError("Member");
  return db.$transaction(async (tx) => {
    const ended = await revokeUserSessions(m.userId, "admin_revoked", {}, tx);
    await recordAudit(
      ctx,
      {
        action: "member.sessions_revoked",
        entityType: "Membership",
        entityId: m.id,
        data: { userId: m.userId, sessions: ended },
      },
      tx,
    );
    return ended;
  });
}

function inviteDto(
  i: {
    id: string;
    email: string;
    role: string;
    unitId: string | null;
    expiresAt: Date;
    acceptedAt: Date | null;
    revokedAt: Date | null;
    createdAt: Date;
  },
  unitNames: ReadonlyMap<string, string> = new Map(),
) {
  const status = i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt < new Date() ? "expired" : "pending";
  const unit = i.unitId ? { id: i.unitId, name: unitNames.get(i.unitId) ?? "" } : null;
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    unitId: i.unitId,
    unit,
    status,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
  };
}

/** Names of the organization's units among `ids` (an Invite's or ApiKey's unitId has no relation to load). */
export async function unitNamesOf(orgId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const units = await db.unit.findMany({ where: { orgId, id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(units.map((u) => [u.id, u.name]));
}

export async function listInvites(ctx: Ctx) {
  const rows = await db.invite.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: "desc" }, take: 100 });
  const names = await unitNamesOf(
    ctx.orgId,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => inviteDto(r, names));
}

export type CreatedInvite = ReturnType<typeof inviteDto> &
  ({ sent: true } | { sent: false; token: string; path: string });

/**
 * Creates the invite and e-mails the link to the address when `mailer` (default: the server's SMTP transport)
 * exists; then the link is not returned. Without one, the one-time token is returned (link /invite/<token>)
 * for the admin to pass on. A failed send revokes the invite and throws (502): nothing half-done remains.
 */
export async function createInvite(
  ctx: Ctx,
  input: InviteCreate,
  opts: { mailer?: Mailer | null } = {},
): Promise<CreatedInvite> {
  const mailer = opts.mailer === undefined ? serverMailer() : opts.mailer;
  const already = await db.membership.findFirst({
    where: { orgId: ctx.orgId, user: { email: input.email } },
    select: { id: true },
  });
  if (already) throw new ConflictError(`${input.email} is already a member.`);
  // The scope the membership will get: an active unit of this organization (another's is a 404).
  await checkUnitRef(db, ctx.orgId, input.unitId);
  const unitId = input.unitId ?? null;
  const names = await unitNamesOf(ctx.orgId, [unitId]);
  const token = randomToken(32);
  const invite = await db.$transaction(async (tx) => {
    const row = await tx.invite.create({
      data: {
        orgId: ctx.orgId,
        email: input.email,
        role: input.role,
        unitId,
        tokenHash: sha256(token),
        invitedById: ctx.userId,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
      },
    });
    await recordAudit(
      ctx,
      {
        action: "invite.created",
        entityType: "Invite",
        entityId: row.id,
        data: { email: row.email, role: row.role, unitId: row.unitId, emailed: mailer !== null },
      },
      tx,
    );
    return row;
  });
  if (!mailer) return { ...inviteDto(invite, names), sent: false, token, path: `/invite/${token}` };
  const [org, inviter] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { name: true } }),
    db.user.findUnique({ where: { id: ctx.userId }, select: { name: true } }),
  ]);
  const email = inviteEmail(
    {
      orgName: org.name,
      role: invite.role,
      inviterName: inviter?.name ?? null,
      link: `${publicBaseUrl()}/invite/${token}`,
      days: INVITE_DAYS,
    },
    await localeOfAddress(invite.email),
  );
  try {
    await sendMail({ to: invite.email, ...email }, mailer);
  } catch (error) {
    console.error(`[invites] e-mail for invite ${invite.id} failed:`, error instanceof Error ? error.message : error);
    await db.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    throw new AppError(
      502,
      "E-mail not sent",
      "The invite e-mail could not be sent (the mail server refused it or did not answer), so the invite was withdrawn. Try again later.",
    );
  }
  const sent = await db.invite.update({ where: { id: invite.id }, data: { sentAt: new Date() } });
  return { ...inviteDto(sent, names), sent: true };
}

export async function revokeInvite(ctx: Ctx, id: string) {
  const row = await db.invite.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!row) throw new NotFoundError("Invite");
  if (row.acceptedAt) throw new ConflictError("This invite was already accepted; remove the member instead.");
  const updated = await db.invite.update({ where: { id }, data: { revokedAt: row.revokedAt ?? new Date() } });
  await recordAudit(ctx, { action: "invite.revoked", entityType: "Invite", entityId: id });
  return inviteDto(updated, await unitNamesOf(ctx.orgId, [updated.unitId]));
}

/**
 * What the invite page shows. Unknown, used, revoked or expired → null. Deliberately nothing about whether
 * the address has an account: the page must look the same either way.
 */
export async function findOpenInvite(token: string) {
  const row = await db.invite.findUnique({
    where: { tokenHash: sha256(token) },
    include: { org: { select: { id: true, name: true } } },
  });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt < new Date()) return null;
  const names = await unitNamesOf(row.orgId, [row.unitId]);
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    unitId: row.unitId,
    /** The unit the membership will be scoped to, for the invite page; null = the whole organization. */
    unitName: row.unitId ? (names.get(row.unitId) ?? null) : null,
    org: row.org,
    emailed: row.sentAt !== null,
  };
}

/**
 * "Create your account" on the invite page. Creates the account when the address has none; when it has one,
 * changes nothing. Either way the answer is the same (and so is the work: the password is checked and hashed
 * in both cases): sign in to finish joining. The invite itself is accepted after signing in (acceptInvite).
 */
export async function registerFromInvite(token: string, account: NewAccount): Promise<{ email: string }> {
  const invite = await findOpenInvite(token);
  if (!invite) throw new NotFoundError("Invite");
  const passwordHash = await hashNewPassword(account.password, {
    email: invite.email,
    name: account.name,
    orgName: invite.org.name,
  });
  const existing = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  if (!existing) {
    try {
      await db.user.create({
        data: { email: invite.email, name: account.name, passwordHash, passwordChangedAt: new Date() },
      });
    } catch (error) {
      // Someone created it a moment ago: the same outcome as an existing account.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { email: invite.email };
}

/**
 * Accepts an invite as the signed-in user, who must hold the invited address. An invite that went out by
 * e-mail proves that address (emailVerifiedAt).
 */
export async function acceptInvite(token: string, who: { userId: string }) {
  const invite = await findOpenInvite(token);
  if (!invite) throw new NotFoundError("Invite");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: who.userId } });
    if (!user || normalizeEmail(user.email) !== invite.email)
      throw new ValidationError([{ name: "email", reason: `This invite is for ${invite.email}` }]);
    const userId = user.id;
    if (invite.emailed && !user.emailVerifiedAt)
      await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new ConflictError("This invite was already used.");
    await tx.membership.upsert({
      where: { orgId_userId: { orgId: invite.org.id, userId } },
      // The invite's scope (null = the whole organization); an existing membership keeps its own.
      create: { orgId: invite.org.id, userId, role: invite.role, unitId: invite.unitId },
      update: {},
    });
    await recordAudit(
      { orgId: invite.org.id, userId, apiKeyId: null },
      { action: "invite.accepted", entityType: "Invite", entityId: invite.id },
      tx,
    );
    return { orgId: invite.org.id, email: invite.email };
  });
}
