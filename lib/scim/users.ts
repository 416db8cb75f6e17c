// SCIM Users of one organization. A SCIM User is a membership: its id is the Membership id (stable, and another
// organization's members are never found), userName is the account's e-mail address. Creating a User creates
// the account when the address has none, or attaches the existing account, and a membership with
// source "scim". active=false suspends the membership, DELETE removes it (deprovision.ts).
import { db, type Prisma } from "../db";
import { normalizeEmail } from "../users/service";
import { recordAudit } from "../audit/service";
import { ScimError, invalidValue, scimNotFound } from "./errors";
import { booleanValue, filterToWhere, pageOf, stringValue, type FilterAttributes } from "./filter";
import { optionalString, patchSteps, scimBoolean } from "./patch";
import { reactivateMember, removeMemberByScim, scimActor, suspendMember } from "./deprovision";
import { revokeUserSessions } from "../auth/sessions";
import { listResponse, USER_SCHEMA } from "./meta";
import type { ScimCaller } from "./tokens";

type Tx = Prisma.TransactionClient;
export const SCIM_DEFAULT_ROLE = "viewer";
export const MAX_RESULTS = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const include = {
  user: { select: { id: true, email: true, name: true, createdAt: true, updatedAt: true } },
  scimGroups: { select: { group: { select: { id: true, displayName: true } } } },
} as const;
type Row = Prisma.MembershipGetPayload<{ include: typeof include }>;

/** What a User says about a person, as far as we keep it. */
type UserDoc = {
  userName: string;
  externalId: string | null;
  active: boolean;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
};

function splitName(name: string): { givenName: string | null; familyName: string | null } {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { givenName: first || null, familyName: rest.join(" ") || null };
}

function docOf(m: Row): UserDoc {
  return {
    userName: m.user.email,
    externalId: m.externalId,
    active: !m.suspendedAt,
    displayName: m.user.name,
    ...splitName(m.user.name),
  };
}

function nameOf(doc: UserDoc): string {
  return doc.displayName ?? ([doc.givenName, doc.familyName].filter(Boolean).join(" ") || doc.userName.split("@")[0]);
}

export function toScimUser(m: Row, baseUrl: string) {
  const { givenName, familyName } = splitName(m.user.name);
  return {
    schemas: [USER_SCHEMA],
    id: m.id,
    ...(m.externalId ? { externalId: m.externalId } : {}),
    userName: m.user.email,
    name: { formatted: m.user.name, ...(givenName ? { givenName } : {}), ...(familyName ? { familyName } : {}) },
    displayName: m.user.name,
    emails: [{ value: m.user.email, type: "work", primary: true }],
    active: !m.suspendedAt,
    groups: m.scimGroups.map((g) => ({
      value: g.group.id,
      display: g.group.displayName,
      $ref: `${baseUrl}/Groups/${g.group.id}`,
    })),
    meta: {
      resourceType: "User",
      created: m.createdAt.toISOString(),
      lastModified: (m.user.updatedAt > m.createdAt ? m.user.updatedAt : m.createdAt).toISOString(),
      location: `${baseUrl}/Users/${m.id}`,
    },
  };
}

const FILTERS: FilterAttributes<Prisma.MembershipWhereInput> = {
  username: (v) => ({ user: { email: normalizeEmail(stringValue(v, "userName")) } }),
  "emails.value": (v) => ({ user: { email: normalizeEmail(stringValue(v, "emails.value")) } }),
  externalid: (v) => ({ externalId: stringValue(v, "externalId") }),
  id: (v) => ({ id: stringValue(v, "id") }),
  active: (v) => (booleanValue(v, "active") ? { suspendedAt: null } : { NOT: { suspendedAt: null } }),
  displayname: (v) => ({ user: { name: stringValue(v, "displayName") } }),
};

export async function listScimUsers(caller: ScimCaller, query: URLSearchParams, baseUrl: string) {
  const filter = filterToWhere(query.get("filter") ?? undefined, FILTERS);
  const where: Prisma.MembershipWhereInput = {
    orgId: caller.orgId,
    ...(filter ? { AND: [filter as Prisma.MembershipWhereInput] } : {}),
  };
  const { startIndex, count } = pageOf(query, MAX_RESULTS);
  const [total, rows] = await Promise.all([
    db.membership.count({ where }),
    count === 0
      ? []
      : db.membership.findMany({
          where,
          include,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: startIndex - 1,
          take: count,
        }),
  ]);
  return listResponse(
    total,
    startIndex,
    rows.map((m) => toScimUser(m, baseUrl)),
  );
}

async function load(tx: Tx | typeof db, caller: ScimCaller, id: string): Promise<Row> {
  const m = await tx.membership.findFirst({ where: { id, orgId: caller.orgId }, include });
  if (!m) throw scimNotFound("User");
  return m;
}

export async function getScimUser(caller: ScimCaller, id: string, baseUrl: string) {
  return toScimUser(await load(db, caller, id), baseUrl);
}

/** A full User body (POST, PUT) → the attributes we keep; unknown attributes are ignored. */
function parseUser(body: unknown, current?: UserDoc): UserDoc {
  const b = body as Record<string, unknown>;
  const userName = optionalString(b.userName, "userName");
  if (!userName) throw invalidValue("userName is required: the person's e-mail address.");
  const name = (b.name && typeof b.name === "object" ? b.name : {}) as Record<string, unknown>;
  const given = optionalString(name.givenName, "name.givenName", 120);
  const family = optionalString(name.familyName, "name.familyName", 120);
  const formatted = optionalString(name.formatted, "name.formatted", 120);
  return {
    userName,
    externalId: b.externalId === undefined ? (current?.externalId ?? null) : optionalString(b.externalId, "externalId"),
    active: b.active === undefined ? (current?.active ?? true) : scimBoolean(b.active, "active"),
    givenName: given,
    familyName: family,
    displayName:
      optionalString(b.displayName, "displayName", 120) ??
      formatted ??
      (given || family ? null : (current?.displayName ?? null)),
  };
}

function checkEmail(userName: string): string {
  const email = normalizeEmail(userName);
  if (!EMAIL.test(email) || email.length > 320) throw invalidValue("userName must be the person's e-mail address.");
  return email;
}

async function assertExternalIdFree(tx: Tx, orgId: string, externalId: string | null, exceptId?: string) {
  if (!externalId) return;
  const clash = await tx.membership.findFirst({
    where: { orgId, externalId, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ScimError(409, "Another User of this organization has this externalId.", "uniqueness");
}

/** The account signs in through SSO or sets a password with "forgot password" (a link to its address). */
async function forgetCredentials(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash: null, emailVerifiedAt: null, totpSecretEnc: null, totpEnabledAt: null },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.userIdentity.deleteMany({ where: { userId } });
  await revokeUserSessions(userId, "deprovisioned", {}, tx);
}

export async function createScimUser(caller: ScimCaller, body: unknown, baseUrl: string) {
  const doc = parseUser(body);
  const email = checkEmail(doc.userName);
  const id = await db.$transaction(async (tx) => {
    await assertExternalIdFree(tx, caller.orgId, doc.externalId);
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
    if (existing) {
      const memberships = await tx.membership.findMany({ where: { userId: existing.id }, select: { orgId: true } });
      if (memberships.some((x) => x.orgId === caller.orgId))
        throw new ScimError(409, "A User with this userName already exists in this organization.", "uniqueness");
      // An organization's identity provider cannot pull in an account that opens other organizations (the
      // person was never asked; ending its sessions or requiring SSO would lock them out): invite them instead.
      if (memberships.length > 0)
        throw new ScimError(
          409,
          "An account with this userName belongs to another organization: invite the person instead.",
          "uniqueness",
        );
      // An account nobody proved the address of (created through a copied invite link) may hold a password
      // someone else chose: it is not trusted with this organization's data.
      if (!existing.emailVerifiedAt) await forgetCredentials(tx, existing.id);
    }
    const user = existing ?? (await tx.user.create({ data: { email, name: nameOf(doc), passwordHash: null } }));
    const m = await tx.membership.create({
      data: {
        orgId: caller.orgId,
        userId: user.id,
        role: SCIM_DEFAULT_ROLE,
        source: "scim",
        externalId: doc.externalId,
        suspendedAt: doc.active ? null : new Date(),
      },
    });
    await recordAudit(
      scimActor(caller.orgId),
      {
        action: "member.provisioned",
        entityType: "Membership",
        entityId: m.id,
        data: {
          userId: user.id,
          email,
          role: m.role,
          active: doc.active,
          accountExisted: Boolean(existing),
          via: "scim",
          scimTokenId: caller.tokenId,
        },
      },
      tx,
    );
    return m.id;
  });
  return toScimUser(await load(db, caller, id), baseUrl);
}

/** Writes a changed User. The account's e-mail and name change only when it belongs to this organization alone. */
async function applyUser(tx: Tx, caller: ScimCaller, m: Row, next: UserDoc) {
  const prev = docOf(m);
  const email = checkEmail(next.userName);
  const ownAccount = (await tx.membership.count({ where: { userId: m.userId, NOT: { orgId: caller.orgId } } })) === 0;
  if (email !== m.user.email) {
    if (!ownAccount)
      throw new ScimError(
        400,
        "userName cannot change: this account also belongs to other organizations.",
        "mutability",
      );
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      throw new ScimError(409, "Another account has this userName.", "uniqueness");
  }
  const name = nameOf(next);
  if (ownAccount && (email !== m.user.email || name !== m.user.name)) {
    await tx.user.update({ where: { id: m.userId }, data: { email, name } });
  }
  // A new address was proven by nobody: what signed in as the old one (password, second factor, SSO links,
  // sessions) does not carry over to it, or a renamed account would arrive anywhere with a known password.
  if (email !== m.user.email) await forgetCredentials(tx, m.userId);
  if (next.externalId !== prev.externalId) {
    await assertExternalIdFree(tx, caller.orgId, next.externalId, m.id);
    await tx.membership.update({ where: { id: m.id }, data: { externalId: next.externalId } });
  }
  if (next.active !== prev.active) {
    if (next.active) await reactivateMember(tx, m, caller.tokenId);
    else await suspendMember(tx, m, caller.tokenId);
  }
}

export async function replaceScimUser(caller: ScimCaller, id: string, body: unknown, baseUrl: string) {
  await db.$transaction(async (tx) => {
    const m = await load(tx, caller, id);
    await applyUser(tx, caller, m, parseUser(body, docOf(m)));
  });
  return toScimUser(await load(db, caller, id), baseUrl);
}

export async function patchScimUser(caller: ScimCaller, id: string, body: unknown, baseUrl: string) {
  const steps = patchSteps(body);
  await db.$transaction(async (tx) => {
    const m = await load(tx, caller, id);
    const doc = docOf(m);
    // displayName wins over name parts sent in the same PATCH (Entra sends both), whatever their order.
    let display: string | null | undefined;
    let parts = false;
    for (const s of steps) {
      const value = s.op === "remove" ? null : s.value;
      switch (s.attr) {
        case "username":
          if (value === null) throw new ScimError(400, "userName cannot be removed.", "mutability");
          doc.userName = optionalString(value, "userName") ?? doc.userName;
          break;
        case "externalid":
          doc.externalId = optionalString(value, "externalId");
          break;
        case "active":
          if (value === null) throw new ScimError(400, "active cannot be removed.", "mutability");
          doc.active = scimBoolean(value, "active");
          break;
        case "displayname":
        case "name.formatted":
          display = optionalString(value, s.attr, 120);
          break;
        case "name.givenname":
          doc.givenName = optionalString(value, "name.givenName", 120);
          parts = true;
          break;
        case "name.familyname":
          doc.familyName = optionalString(value, "name.familyName", 120);
          parts = true;
          break;
        case "name": {
          const n = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
          doc.givenName = optionalString(n.givenName, "name.givenName", 120);
          doc.familyName = optionalString(n.familyName, "name.familyName", 120);
          display ??= optionalString(n.formatted, "name.formatted", 120) ?? undefined;
          parts = true;
          break;
        }
        // Everything else an IdP may send (emails — userName is the address —, title, phone numbers, the
        // enterprise extension …) is not kept, and ignoring it keeps the IdP's sync going.
        default:
          break;
      }
    }
    if (display !== undefined) doc.displayName = display;
    else if (parts) doc.displayName = null;
    await applyUser(tx, caller, m, doc);
  });
  return toScimUser(await load(db, caller, id), baseUrl);
}

export async function deleteScimUser(caller: ScimCaller, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const m = await load(tx, caller, id);
    await removeMemberByScim(tx, m, caller.tokenId);
  });
}
