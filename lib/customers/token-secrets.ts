// The organization's customer-token signing secrets (model CustomerTokenSecret). Sealed at rest with the key
// of lib/webhooks/secret-box.ts; the plain secret leaves the server only once, in the answer to a rotation
// (admins, Settings → Customer identity or POST /api/v1/customer-token-secret/rotate). A rotation keeps the
// previous secret verifying for a grace period (default 7 days: the company's servers and e-mails already
// sent keep working while the new secret is deployed); 0 hours retires it at once, for a leaked secret.
import { z } from "zod";
import { db } from "../db";
import { lockOrganization } from "../org-lock";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { openSecret, sealSecret, SecretUnreadableError } from "../webhooks/secret-box";
import { checkCustomerToken, newCustomerTokenSecret, signCustomerToken, type TokenCheck } from "./customer-token";

const HOUR = 3_600_000;
export const DEFAULT_GRACE_HOURS = 168;

export const rotateSecretSchema = z.strictObject({
  /** How long the secret being replaced keeps verifying tokens: 0 (it leaked) to 720 hours; default 168 (7 days). */
  previousValidHours: z.number().int().min(0).max(720).default(DEFAULT_GRACE_HOURS),
});
export type RotateSecretInput = z.infer<typeof rotateSecretSchema>;

const hintOf = (secret: string) => `…${secret.slice(-4)}`;
const live = (now: Date) => ({ OR: [{ retiresAt: null }, { retiresAt: { gt: now } }] });

/** What admins see: the signing secret's hint and date, and the previous ones still in their grace period. */
export async function getCustomerTokenSecretStatus(ctx: Ctx, now = new Date()) {
  const rows = await db.customerTokenSecret.findMany({
    where: { orgId: ctx.orgId, ...live(now) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { hint: true, createdAt: true, retiresAt: true },
  });
  const current = rows.find((r) => r.retiresAt === null) ?? null;
  return {
    current: current ? { hint: current.hint, createdAt: current.createdAt } : null,
    previous: rows
      .filter((r) => r !== current)
      .map((r) => ({ hint: r.hint, createdAt: r.createdAt, validUntil: r.retiresAt ?? now })),
  };
}
export type CustomerTokenSecretStatus = Awaited<ReturnType<typeof getCustomerTokenSecretStatus>>;

/** Makes a new signing secret (the first one, or a replacement) and answers it once. Audited. */
export async function rotateCustomerTokenSecret(ctx: Ctx, input: RotateSecretInput, now = new Date()) {
  const secret = newCustomerTokenSecret();
  const retiresAt = new Date(now.getTime() + input.previousValidHours * HOUR);
  const created = await db.$transaction(async (tx) => {
    await tx.customerTokenSecret.deleteMany({ where: { orgId: ctx.orgId, retiresAt: { lte: now } } });
    // Shortening only: a second rotation never lengthens the life of an older secret.
    await tx.customerTokenSecret.updateMany({
      where: { orgId: ctx.orgId, OR: [{ retiresAt: null }, { retiresAt: { gt: retiresAt } }] },
      data: { retiresAt },
    });
    const row = await tx.customerTokenSecret.create({
      data: {
        orgId: ctx.orgId,
        sealed: sealSecret(secret),
        hint: hintOf(secret),
        createdById: ctx.userId,
        createdAt: now,
      },
    });
    const replaced = await tx.customerTokenSecret.count({ where: { orgId: ctx.orgId, retiresAt } });
    await recordAudit(
      ctx,
      {
        action: "customer_token_secret.rotated",
        entityType: "Organization",
        entityId: ctx.orgId,
        data: { hint: row.hint, previousValidHours: replaced ? input.previousValidHours : null },
      },
      tx,
    );
    return { row, replaced };
  });
  return {
    secret,
    hint: created.row.hint,
    createdAt: created.row.createdAt,
    previousValidUntil: created.replaced ? retiresAt : null,
  };
}

function opened(rows: Array<{ sealed: string }>): string[] {
  return rows.flatMap((r) => {
    try {
      return [openSecret(r.sealed)];
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      console.error(
        "[customer-token] a signing secret cannot be decrypted with this server's key; rotate it in Settings → Customer identity.",
      );
      return [];
    }
  });
}

/** Checks a customer token against every secret of the organization still valid now. */
export async function verifyCustomerToken(
  orgId: string,
  claim: { publicId: string; externalId: string; token: string },
  now = new Date(),
): Promise<TokenCheck> {
  const rows = await db.customerTokenSecret.findMany({ where: { orgId, ...live(now) }, select: { sealed: true } });
  return rows.length === 0 ? "invalid" : checkCustomerToken(opened(rows), claim, now);
}

/** The organizations whose signing secret this process is making now, and that making. */
const making = new Map<string, Promise<{ sealed: string }>>();

/** The organization's newest current secret, sealed. */
const newestSecret = (client: Pick<typeof db, "customerTokenSecret">, orgId: string) =>
  client.customerTokenSecret.findFirst({
    where: { orgId, retiresAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { sealed: true },
  });

function makeSigningSecret(orgId: string): Promise<{ sealed: string }> {
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const made = await newestSecret(tx, orgId);
    if (made) return made;
    const secret = newCustomerTokenSecret();
    return tx.customerTokenSecret.create({
      data: { orgId, sealed: sealSecret(secret), hint: hintOf(secret) },
      select: { sealed: true },
    });
  });
}

/** The secret Resonance signs its own links with (the newest current one), made on first use. */
async function signingSecret(orgId: string): Promise<string> {
  let row = await newestSecret(db, orgId);
  if (!row) {
    // Many links minted at once for a new organization (a campaign's first wave) must make one secret, not one each:
    // within this process they wait for one making (200 transactions queued on the organization's lock would hold
    // every pooled connection, and the last could not start in time); across instances, the first to take the
    // organization's lock makes it, the others find it.
    let pending = making.get(orgId);
    if (!pending) {
      pending = makeSigningSecret(orgId).finally(() => making.delete(orgId));
      making.set(orgId, pending);
    }
    row = await pending;
  }
  const [secret] = opened([row!]);
  if (!secret) throw new SecretUnreadableError();
  return secret;
}

/** A token Resonance mints for its own e-mails and hosted links (e.g. the re-survey after a resolved case). */
export async function mintCustomerToken(
  orgId: string,
  claim: { publicId: string; externalId: string },
  ttlDays = 30,
  now = new Date(),
): Promise<string> {
  return signCustomerToken(await signingSecret(orgId), {
    ...claim,
    expiresAt: new Date(now.getTime() + ttlDays * 24 * HOUR),
  });
}
