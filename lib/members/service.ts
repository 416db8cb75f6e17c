// Members, roles and invite links. An organization always keeps at least one admin.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Role } from "../auth/roles";
import { randomToken, sha256 } from "../auth/tokens";
import { hashPassword } from "../auth/password";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { recordAudit } from "../audit/service";
import { revokeUserSessions } from "../auth/sessions";
import { normalizeEmail } from "../users/service";
import type { InviteCreate, NewAccount } from "./schema";

const INVITE_DAYS = 7;

export async function listMembers(ctx: Ctx) {
  const rows = await db.membership.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((m) => ({ id: m.id, role: m.role, joinedAt: m.createdAt, user: m.user }));
}

async function assertAnotherAdmin(ctx: Ctx, membershipId: string) {
  const admins = await db.membership.count({ where: { orgId: ctx.orgId, role: "admin", NOT: { id: membershipId } } });
  if (admins === 0) throw new ConflictError("An organization needs at least one admin; make someone else admin first.");
}

export async function updateMemberRole(ctx: Ctx, membershipId: string, role: Role) {
  const m = await db.membership.findFirst({ where: { id: membershipId, orgId: ctx.orgId } });
  if (!m) throw new NotFoundError("Member");
  if (m.role === "admin" && role !== "admin") await assertAnotherAdmin(ctx, m.id);
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: m.id }, data: { role } });
    await recordAudit(ctx, { action: "member.role_changed", entityType: "Membership", entityId: m.id, data: { from: m.role, to: role } }, tx);
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
    await recordAudit(ctx, { action: "member.removed", entityType: "Membership", entityId: m.id, data: { userId: m.userId } }, tx);
  });
}

/** An admin ends every session of a member (a lost phone, a shared computer). Returns how many ended. */
export async function revokeMemberSessions(ctx: Ctx, membershipId: string): Promise<number> {
  const m = await db.membership.findFirst({ where: { id: membershipId, orgId: ctx.orgId } });
  if (!m) throw new NotFoundError("Member");
  return db.$transaction(async (tx) => {
    const ended = await revokeUserSessions(m.userId, "admin_revoked", {}, tx);
    await recordAudit(ctx, { action: "member.sessions_revoked", entityType: "Membership", entityId: m.id, data: { userId: m.userId, sessions: ended } }, tx);
    return ended;
  });
}

function inviteDto(i: { id: string; email: string; role: string; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null; createdAt: Date }) {
  const status = i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt < new Date() ? "expired" : "pending";
  return { id: i.id, email: i.email, role: i.role, status, expiresAt: i.expiresAt, createdAt: i.createdAt };
}

export async function listInvites(ctx: Ctx) {
  const rows = await db.invite.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map(inviteDto);
}

/** Returns the invite with its one-time token; the link is /invite/<token>. */
export async function createInvite(ctx: Ctx, input: InviteCreate) {
  const already = await db.membership.findFirst({ where: { orgId: ctx.orgId, user: { email: input.email } }, select: { id: true } });
  if (already) throw new ConflictError(`${input.email} is already a member.`);
  const token = randomToken(32);
  const invite = await db.$transaction(async (tx) => {
    const row = await tx.invite.create({
      data: { orgId: ctx.orgId, email: input.email, role: input.role, tokenHash: sha256(token), invitedById: ctx.userId, expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000) },
    });
    await recordAudit(ctx, { action: "invite.created", entityType: "Invite", entityId: row.id, data: { email: row.email, role: row.role } }, tx);
    return row;
  });
  return { ...inviteDto(invite), token, path: `/invite/${token}` };
}

export async function revokeInvite(ctx: Ctx, id: string) {
  const row = await db.invite.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!row) throw new NotFoundError("Invite");
  if (row.acceptedAt) throw new ConflictError("This invite was already accepted; remove the member instead.");
  const updated = await db.invite.update({ where: { id }, data: { revokedAt: row.revokedAt ?? new Date() } });
  await recordAudit(ctx, { action: "invite.revoked", entityType: "Invite", entityId: id });
  return inviteDto(updated);
}

/** What the invite page shows before anyone signs in. Unknown, used, revoked or expired → null. */
export async function findOpenInvite(token: string) {
  const row = await db.invite.findUnique({ where: { tokenHash: sha256(token) }, include: { org: { select: { id: true, name: true } } } });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt < new Date()) return null;
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return { id: row.id, email: row.email, role: row.role, org: row.org, hasAccount: Boolean(account) };
}

/**
 * Accepts an invite. A signed-in user must be the invited e-mail address; without a session a new
 * account is created for that address (an existing account must sign in first).
 */
export async function acceptInvite(token: string, who: { userId: string } | { account: NewAccount }) {
  const invite = await findOpenInvite(token);
  if (!invite) throw new NotFoundError("Invite");
  return db.$transaction(async (tx) => {
    let userId: string;
    if ("userId" in who) {
      const user = await tx.user.findUnique({ where: { id: who.userId } });
      if (!user || normalizeEmail(user.email) !== invite.email) throw new ValidationError([{ name: "email", reason: `This invite is for ${invite.email}` }]);
      userId = user.id;
    } else {
      if (invite.hasAccount) throw new ConflictError("An account exists for this e-mail: sign in to accept the invite.");
      const user = await tx.user.create({ data: { email: invite.email, name: who.account.name, passwordHash: await hashPassword(who.account.password) } });
      userId = user.id;
    }
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new ConflictError("This invite was already used.");
    await tx.membership.upsert({
      where: { orgId_userId: { orgId: invite.org.id, userId } },
      create: { orgId: invite.org.id, userId, role: invite.role },
      update: {},
    });
    await recordAudit({ orgId: invite.org.id, userId, apiKeyId: null }, { action: "invite.accepted", entityType: "Invite", entityId: invite.id }, tx);
    return { orgId: invite.org.id, email: invite.email };
  });
}
