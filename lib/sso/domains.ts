// Proof that an organization controls the e-mail domains its single sign-on speaks for. Listing a domain in the
// connection is a claim; it becomes a fact when a DNS TXT record at `_resonance-challenge.<domain>` holds this
// installation's challenge for (organization, domain), or when the operator verifies it on the command line
// (scripts/sso-domain.ts, for air-gapped servers). Only verified domains pick the connection at "Sign in with
// single sign-on" and let the provider's answers create or link accounts (flow.ts, link.ts); a domain is
// verified by one organization at most (SsoDomain.domain is the key), and a mere claim blocks nobody.
// The challenge is an HMAC under NEXTAUTH_SECRET, so nothing needs storing until it is proven; lookups go to the
// system resolver, or to RESONANCE_DNS_SERVERS when set (the tests' resolver on loopback).
import { createHmac, hkdfSync } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit, type AuditActor } from "../audit/service";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { enforce } from "../rate-limit/service";
import { isUniqueViolation } from "../db-errors";

export const CHALLENGE_LABEL = "_resonance-challenge";
export const CHALLENGE_PREFIX = "resonance-domain-verification=";
/** Checks per organization and hour: each one sends DNS queries from the server. */
const CHECKS_PER_HOUR = 60;

/** The domains a connection lists (its JSON column), lower-case. */
export function domainsOf(row: { allowedDomains: Prisma.JsonValue }): string[] {
  return Array.isArray(row.allowedDomains) ? row.allowedDomains.filter((d): d is string => typeof d === "string") : [];
}

export type DomainMethod = "dns" | "operator";
export type DomainStatus = {
  domain: string;
  verified: boolean;
  method: DomainMethod | null;
  verifiedAt: Date | null;
  /** The TXT record that proves it: its name and exact value. */
  record: { name: string; value: string };
};

function challengeKey(): Buffer {
  const material = process.env.NEXTAUTH_SECRET;
  if (!material) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", material, "resonance", "sso domain verification", 32));
}

/** The TXT record an organization publishes to prove a domain (stable for a server key). */
export function domainChallenge(orgId: string, domain: string): { name: string; value: string } {
  const mac = createHmac("sha256", challengeKey())
    .update(JSON.stringify([orgId, domain]))
    .digest("base64url")
    .slice(0, 32);
  return { name: `${CHALLENGE_LABEL}.${domain}`, value: `${CHALLENGE_PREFIX}${mac}` };
}

export class DnsLookupError extends Error {
  constructor() {
    super("DNS lookup failed");
    this.name = "DnsLookupError";
  }
}

/** The TXT strings at `name` ([] when there are none); DnsLookupError when the resolver cannot answer. */
export async function txtRecords(name: string, env: Partial<Record<string, string>> = process.env): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  const servers = (env.RESONANCE_DNS_SERVERS ?? "").split(/[\s,]+/).filter(Boolean);
  if (servers.length) resolver.setServers(servers);
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENODATA" || code === "ENOTFOUND") return [];
    throw new DnsLookupError();
  }
}

/** Each listed domain of the organization with whether (and how) it is verified, and its challenge record. */
export async function domainStatuses(orgId: string, listed: string[]): Promise<DomainStatus[]> {
  const rows = await db.ssoDomain.findMany({ where: { orgId } });
  const byDomain = new Map(rows.map((r) => [r.domain, r]));
  return listed.map((domain) => {
    const row = byDomain.get(domain);
    return {
      domain,
      verified: Boolean(row),
      method: (row?.method as DomainMethod | undefined) ?? null,
      verifiedAt: row?.verifiedAt ?? null,
      record: domainChallenge(orgId, domain),
    };
  });
}

/** Domains of `domains` that another organization has verified (they cannot be listed here). */
export async function domainsVerifiedElsewhere(
  orgId: string,
  domains: string[],
  tx: Prisma.TransactionClient | typeof db = db,
): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await tx.ssoDomain.findMany({
    where: { domain: { in: domains }, NOT: { orgId } },
    select: { domain: true },
  });
  return rows.map((r) => r.domain);
}

/** Drops verifications of domains the organization no longer lists (called when the connection is saved). */
export async function pruneVerifiedDomains(
  tx: Prisma.TransactionClient,
  orgId: string,
  keep: string[],
): Promise<number> {
  const { count } = await tx.ssoDomain.deleteMany({ where: { orgId, domain: { notIn: keep } } });
  return count;
}

/** The organization that verified the address's domain, or null. */
export async function verifiedOrgForEmail(email: string): Promise<string | null> {
  const domain = email.split("@").pop()?.toLowerCase() ?? "";
  if (!domain) return null;
  const row = await db.ssoDomain.findUnique({ where: { domain }, select: { orgId: true } });
  return row?.orgId ?? null;
}

async function record(orgId: string, domain: string, method: DomainMethod, actor: AuditActor): Promise<DomainStatus> {
  try {
    await db.$transaction(async (tx) => {
      await tx.ssoDomain.create({ data: { domain, orgId, method } });
      await recordAudit(
        actor,
        { action: "sso_domain.verified", entityType: "SsoDomain", entityId: domain, data: { domain, method } },
        tx,
      );
    });
  } catch (error) {
    // Verified a moment ago by this organization (a double click) is success; by another one is a conflict.
    const holder = isUniqueViolation(error)
      ? await db.ssoDomain.findUnique({ where: { domain }, select: { orgId: true } })
      : null;
    if (holder?.orgId !== orgId) throw isUniqueViolation(error) ? verifiedElsewhere(domain) : error;
  }
  const [status] = await domainStatuses(orgId, [domain]);
  return status;
}

function verifiedElsewhere(domain: string) {
  return new ConflictError(
    `${domain} is already verified by another organization on this server; only one organization can sign in its addresses.`,
  );
}

async function listedDomains(orgId: string): Promise<string[]> {
  const connection = await db.ssoConnection.findUnique({ where: { orgId }, select: { allowedDomains: true } });
  if (!connection) throw new NotFoundError("Single sign-on connection");
  return domainsOf(connection);
}

/**
 * Looks up the challenge record of a listed domain and, when it is there, verifies the domain for the
 * organization. Not there: a 400 on `domain` that says which record to publish. Already verified here: no-op.
 */
export async function verifyDomainByDns(ctx: Ctx, rawDomain: string): Promise<DomainStatus> {
  const domain = rawDomain.trim().toLowerCase();
  const listed = await listedDomains(ctx.orgId);
  if (!listed.includes(domain))
    throw new ValidationError([{ name: "domain", reason: "Add the domain to the connection's allowed domains first" }]);
  const [current] = await domainStatuses(ctx.orgId, [domain]);
  if (current.verified) return current;
  if ((await domainsVerifiedElsewhere(ctx.orgId, [domain])).length) throw verifiedElsewhere(domain);
  await enforce([{ key: `sso-domain-check:${ctx.orgId}`, limit: CHECKS_PER_HOUR, windowMs: 60 * 60_000 }]);
  let found: string[];
  try {
    found = await txtRecords(current.record.name);
  } catch {
    throw new ValidationError([
      { name: "domain", reason: `The DNS lookup of ${current.record.name} failed; try again in a minute.` },
    ]);
  }
  if (!found.includes(current.record.value)) {
    throw new ValidationError([
      {
        name: "domain",
        reason: `No TXT record “${current.record.value}” at ${current.record.name} yet (new records can take a while to appear).`,
      },
    ]);
  }
  return record(ctx.orgId, domain, "dns", ctx);
}

/**
 * The operator's word instead of DNS (scripts/sso-domain.ts): for a server without DNS to the outside, or a
 * domain whose DNS the company cannot change. The domain must be listed by the organization's connection.
 */
export async function verifyDomainByOperator(orgSlug: string, rawDomain: string): Promise<DomainStatus> {
  const domain = rawDomain.trim().toLowerCase();
  const org = await db.organization.findUnique({ where: { slug: orgSlug }, select: { id: true } });
  if (!org) throw new NotFoundError("Organization");
  const listed = await listedDomains(org.id);
  if (!listed.includes(domain))
    throw new ValidationError([
      { name: "domain", reason: `${domain} is not among the connection's allowed domains (${listed.join(", ")})` },
    ]);
  return record(org.id, domain, "operator", { orgId: org.id, userId: null, apiKeyId: null });
}

/** Withdraws a verification (operator, or an admin removing the domain from the connection). */
export async function unverifyDomainByOperator(orgSlug: string, rawDomain: string): Promise<boolean> {
  const domain = rawDomain.trim().toLowerCase();
  const org = await db.organization.findUnique({ where: { slug: orgSlug }, select: { id: true } });
  if (!org) throw new NotFoundError("Organization");
  return db.$transaction(async (tx) => {
    const { count } = await tx.ssoDomain.deleteMany({ where: { orgId: org.id, domain } });
    if (count)
      await recordAudit(
        { orgId: org.id, userId: null, apiKeyId: null },
        {
          action: "sso_domain.unverified",
          entityType: "SsoDomain",
          entityId: domain,
          data: { domain, method: "operator" },
        },
        tx,
      );
    return count > 0;
  });
}
