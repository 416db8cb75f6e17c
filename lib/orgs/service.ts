// Organizations a user belongs to, and creating a new one (its creator becomes its admin).
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/service";
import { DEFAULT_LOCALE, type AppLocale } from "../i18n/config";
import { defaultChannels } from "./defaults";
import { consume, RateLimitedError, retryAfterSeconds } from "../rate-limit/service";

export async function listMyOrganizations(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId, suspendedAt: null },
    orderBy: { createdAt: "asc" },
    include: { org: { select: { id: true, name: true, slug: true } } },
  });
  return rows.map((m) => ({ id: m.org.id, name: m.org.name, slug: m.org.slug, role: m.role }));
}

/** The demo organization (lib/demo/generate.ts) is marked in its settings; every page of it says so. */
export async function isDemoOrganization(orgId: string): Promise<boolean> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  return Boolean(
    org?.settings && typeof org.settings === "object" && (org.settings as { demo?: unknown }).demo === true,
  );
}

export async function isMember(userId: string, orgId: string): Promise<boolean> {
  const m = await db.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { suspendedAt: true },
  });
  return Boolean(m && !m.suspendedAt);
}

// "demo" stays free for the demo organization (lib/demo/generate.ts refuses to build it when the slug is taken).
function slugify(name: string): string {
  const slug =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "org";
  return slug === "demo" ? "demo-org" : slug;
}

/**
 * Organizations one user may create per day (UTC). Any signed-in user may create one and becomes its admin,
 * so without a limit one account could mint tenants without end (docs/security/limits.md). First-run setup
 * does not count.
 */
export const ORG_CREATION_LIMIT = { limit: 10, windowMs: 24 * 60 * 60_000 };

/** Counts one creation for the user; over the limit a 429 whose message sits next to the name field. */
async function countOrgCreation(userId: string, now = new Date()): Promise<void> {
  const result = await consume(`org-create:${userId}`, ORG_CREATION_LIMIT, { now });
  if (result.allowed) return;
  const wait = retryAfterSeconds(result.resetAt, now);
  const hours = Math.ceil(wait / 3600);
  const reason = `You have created ${ORG_CREATION_LIMIT.limit} organizations today, the most one account may. Try again in ${hours === 1 ? "an hour" : `${hours} hours`}.`;
  throw new RateLimitedError(wait, reason, [{ name: "name", reason, in: "body" }]);
}

/**
 * A new organization with the default channels and its creator as admin. `tx`: inside the caller's
 * transaction (first-run setup creates the first admin and their organization together). `locale`: the
 * organization's language (its creator's), in which its default channels are named (lib/orgs/defaults.ts).
 */
export async function createOrganization(
  userId: string,
  name: string,
  opts: { tx?: Prisma.TransactionClient; source?: "created" | "setup"; locale?: AppLocale } = {},
) {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  if (opts.source !== "setup") await countOrgCreation(userId);
  const base = slugify(name);
  const create = async (tx: Prisma.TransactionClient) => {
    const taken = await tx.organization.count({ where: { slug: { startsWith: base } } });
    const o = await tx.organization.create({
      data: { name, slug: taken ? `${base}-${Date.now().toString(36)}` : base, settings: { defaultLocale: locale } },
    });
    await tx.membership.create({ data: { orgId: o.id, userId, role: "admin", source: opts.source ?? "created" } });
    await tx.channel.createMany({ data: defaultChannels(locale).map((c) => ({ orgId: o.id, ...c })) });
    await recordAudit(
      { orgId: o.id, userId, apiKeyId: null },
      { action: "organization.created", entityType: "Organization", entityId: o.id, data: { locale } },
      tx,
    );
    return o;
  };
  const org = opts.tx ? await create(opts.tx) : await db.$transaction(create);
  return { id: org.id, name: org.name, slug: org.slug, role: "admin" as const };
}
