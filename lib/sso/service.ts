// An organization's OpenID Connect connection (admins): issuer, client, allowed e-mail domains, the role of
// members who arrive by single sign-on, enabled, "SSO required". The client secret is sealed at rest
// (lib/webhooks/secret-box.ts) and never answered; saving checks the issuer's discovery document through the
// network guard (network-guard.ts). Every change is audited.
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { isRole, type Role } from "../auth/roles";
import { NotFoundError, ValidationError } from "../errors";
import { recordAudit } from "../audit/service";
import { openSecret, sealSecret } from "../webhooks/secret-box";
import { discoverIssuer, failureKind } from "./client";
import type { SsoNetworkFailure } from "./network-guard";
import type { SsoConnectionInput } from "./schema";
import {
  domainsOf,
  domainStatuses,
  domainsVerifiedElsewhere,
  pruneVerifiedDomains,
  type DomainStatus,
} from "./domains";

type Row = Prisma.SsoConnectionGetPayload<object>;

export const SSO_CALLBACK_PATH = "/api/auth/sso/callback";

/** The one redirect URI every connection registers at its provider. */
export function ssoRedirectUri(env: Partial<Record<string, string>> = process.env): string {
  return new URL(SSO_CALLBACK_PATH, env.NEXTAUTH_URL || "http://localhost:3000").toString();
}

export { domainsOf };

function toDto(row: Row, signIns: number, domains: DomainStatus[]) {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: true,
    allowedDomains: domainsOf(row),
    /** Each allowed domain: verified or not, and the DNS record that proves it (lib/sso/domains.ts). */
    domains,
    defaultRole: (isRole(row.defaultRole) ? row.defaultRole : "viewer") as Role,
    enabled: row.enabled,
    ssoRequired: row.ssoRequired,
    redirectUri: ssoRedirectUri(),
    linkedIdentities: signIns,
    updatedAt: row.updatedAt,
  };
}
export type SsoConnectionDto = ReturnType<typeof toDto>;

/** The organization's connection (never its secret), or null; the redirect URI either way. */
export async function getSsoConnection(
  ctx: Ctx,
): Promise<{ connection: SsoConnectionDto | null; redirectUri: string }> {
  const row = await db.ssoConnection.findUnique({ where: { orgId: ctx.orgId } });
  if (!row) return { connection: null, redirectUri: ssoRedirectUri() };
  return { connection: await dtoOf(row), redirectUri: ssoRedirectUri() };
}

const ISSUER_MESSAGES: Record<SsoNetworkFailure, string> = {
  insecure: "Use an https:// issuer URL.",
  blocked:
    "This issuer is on a loopback, private or link-local address, which the server does not contact. The operator can allow it with SSO_ISSUER_ALLOWLIST.",
  unreachable:
    "The issuer could not be reached (name lookup, connection, TLS or timeout). Check the URL and that the server can reach it.",
  invalid:
    "No valid OpenID Connect discovery document was found for this issuer (/.well-known/openid-configuration). Check the URL: it must be the issuer exactly as the provider names it.",
};

async function dtoOf(row: Row): Promise<SsoConnectionDto> {
  const [identities, domains] = await Promise.all([
    db.userIdentity.count({ where: { connectionId: row.id } }),
    domainStatuses(row.orgId, domainsOf(row)),
  ]);
  return toDto(row, identities, domains);
}

/** A domain another organization verified is theirs; a domain another organization merely lists blocks nobody. */
async function assertDomainsFree(ctx: Ctx, domains: string[]) {
  const [clash] = await domainsVerifiedElsewhere(ctx.orgId, domains);
  if (clash)
    throw new ValidationError([
      { name: "allowedDomains", reason: `${clash} is verified by another organization on this server` },
    ]);
}

/** "SSO required" only once an admin of the organization has signed in through this very connection. */
async function assertAdminCanSignIn(ctx: Ctx, connectionId: string | null) {
  const ok = connectionId
    ? await db.userIdentity.count({
        where: {
          connectionId,
          user: { memberships: { some: { orgId: ctx.orgId, role: "admin", suspendedAt: null } } },
        },
      })
    : 0;
  if (!ok)
    throw new ValidationError([
      {
        name: "ssoRequired",
        reason:
          "Sign in once through single sign-on as an admin of this organization before requiring it, so that someone can still get in.",
      },
    ]);
}

/** The stored client secret, or "" when this server's key cannot open it. */
export function storedSecret(row: Pick<Row, "clientSecretEnc">): string {
  try {
    return openSecret(row.clientSecretEnc);
  } catch {
    return "";
  }
}

/**
 * When "SSO required" comes on, sessions the members opened with a password end (all but the acting admin's own
 * browser, `keepSessionId`): passwords are off for the organization from that moment, not from their next sign-in.
 */
async function endPasswordSessions(
  tx: Prisma.TransactionClient,
  orgId: string,
  keepSessionId: string | null,
): Promise<number> {
  const members = await tx.membership.findMany({ where: { orgId, suspendedAt: null }, select: { userId: true } });
  const { count } = await tx.userSession.updateMany({
    where: {
      userId: { in: members.map((m) => m.userId) },
      revokedAt: null,
      NOT: [{ method: "sso" }, ...(keepSessionId ? [{ id: keepSessionId }] : [])],
    },
    data: { revokedAt: new Date(), revokedReason: "sso_required" },
  });
  return count;
}

export async function saveSsoConnection(
  ctx: Ctx,
  input: SsoConnectionInput,
  opts: { keepSessionId?: string | null } = {},
): Promise<SsoConnectionDto> {
  const existing = await db.ssoConnection.findUnique({ where: { orgId: ctx.orgId } });
  const secret = input.clientSecret || (existing ? storedSecret(existing) : "");
  if (!secret)
    throw new ValidationError([
      {
        name: "clientSecret",
        reason: existing
          ? "The stored secret cannot be read with this server's key (was NEXTAUTH_SECRET changed?): enter it again"
          : "Enter the client secret the identity provider gave you",
      },
    ]);
  await assertDomainsFree(ctx, input.allowedDomains);
  const issuerChanged = existing !== null && existing.issuer !== input.issuer;
  if (input.ssoRequired) {
    if (!input.enabled)
      throw new ValidationError([{ name: "ssoRequired", reason: "Enable the connection to require it" }]);
    await assertAdminCanSignIn(ctx, issuerChanged ? null : (existing?.id ?? null));
  }
  try {
    await discoverIssuer({ issuer: input.issuer, clientId: input.clientId, clientSecret: secret });
  } catch (error) {
    throw new ValidationError([{ name: "issuer", reason: ISSUER_MESSAGES[failureKind(error)] }]);
  }
  const data = {
    issuer: input.issuer,
    clientId: input.clientId,
    ...(input.clientSecret || !existing ? { clientSecretEnc: sealSecret(secret) } : {}),
    allowedDomains: input.allowedDomains,
    defaultRole: input.defaultRole,
    enabled: input.enabled,
    ssoRequired: input.ssoRequired,
  };
  const row = await db.$transaction(async (tx) => {
    // Subjects are only unique per issuer: links made under another issuer must not sign anyone in.
    const unlinked = issuerChanged
      ? (await tx.userIdentity.deleteMany({ where: { connectionId: existing.id } })).count
      : 0;
    const turnedOn = input.ssoRequired && input.enabled && !(existing?.ssoRequired && existing.enabled);
    const endedSessions = turnedOn ? await endPasswordSessions(tx, ctx.orgId, opts.keepSessionId ?? null) : 0;
    const unverified = await pruneVerifiedDomains(tx, ctx.orgId, input.allowedDomains);
    const saved = existing
      ? await tx.ssoConnection.update({ where: { id: existing.id }, data })
      : await tx.ssoConnection.create({ data: { ...data, orgId: ctx.orgId, clientSecretEnc: sealSecret(secret) } });
    await recordAudit(
      ctx,
      {
        action: existing ? "sso_connection.updated" : "sso_connection.created",
        entityType: "SsoConnection",
        entityId: saved.id,
        data: {
          issuer: data.issuer,
          clientId: data.clientId,
          allowedDomains: data.allowedDomains,
          defaultRole: data.defaultRole,
          enabled: data.enabled,
          ssoRequired: data.ssoRequired,
          secretChanged: Boolean(input.clientSecret),
          unlinkedIdentities: unlinked,
          endedPasswordSessions: endedSessions,
          droppedVerifiedDomains: unverified,
        },
      },
      tx,
    );
    return saved;
  });
  return dtoOf(row);
}

export async function deleteSsoConnection(ctx: Ctx): Promise<void> {
  const existing = await db.ssoConnection.findUnique({ where: { orgId: ctx.orgId } });
  if (!existing) throw new NotFoundError("Single sign-on connection");
  await db.$transaction(async (tx) => {
    await tx.ssoConnection.delete({ where: { id: existing.id } });
    await pruneVerifiedDomains(tx, ctx.orgId, []);
    await recordAudit(
      ctx,
      {
        action: "sso_connection.deleted",
        entityType: "SsoConnection",
        entityId: existing.id,
        data: { issuer: existing.issuer },
      },
      tx,
    );
  });
}
