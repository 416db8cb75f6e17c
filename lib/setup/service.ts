// First run. A new installation has no account at all; the operator creates the first admin (and their
// organization, and on request the demo organization) on the one-time /setup page, or headless with
// `npm run setup` / RESONANCE_ADMIN_EMAIL + RESONANCE_ADMIN_PASSWORD at start. Setup works only while the
// installation has no user, and only with the setup token: an HMAC of NEXTAUTH_SECRET, printed by the server
// at start while setup is open. Whoever reaches a fresh instance first therefore learns nothing and can do
// nothing without the operator's console or secret, and every instance sharing the secret agrees on the token
// without storing it.
import type { AppLocale } from "../i18n/config";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db as defaultDb, type Db } from "../db";
import { hashNewPassword } from "../auth/password-policy";
import { ConflictError, ValidationError } from "../errors";
import { normalizeEmail } from "../users/service";
import { generateDemoOrganization } from "../demo/generate";
import { createOrganization } from "../orgs/service";
import { recordAudit } from "../audit/service";
import { newAccountSchema } from "../members/schema";
import { isUniqueViolation } from "../db-errors";

export function setupToken(secret: string | undefined = process.env.NEXTAUTH_SECRET): string {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update("resonance:first-run-setup:v1").digest("base64url").slice(0, 32);
}

export function setupTokenMatches(given: string, secret?: string): boolean {
  const want = Buffer.from(setupToken(secret));
  const got = Buffer.from(given.trim());
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function setupOpen(db: Db = defaultDb): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export const setupSchema = z.object({
  token: z.string().trim().min(1, "Paste the setup token the server printed at start").max(200),
  orgName: z.string().trim().min(2, "Name your organization").max(120),
  name: z.string().trim().min(1, "Your name is required").max(120),
  email: z.string().trim().toLowerCase().email("Not a valid e-mail address").max(320),
  password: newAccountSchema.shape.password,
  demo: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
});
export type SetupInput = z.infer<typeof setupSchema>;

// Held while setup writes: a second setup at the same moment (another tab, another instance) meets the
// primary key and is refused, on SQLite and PostgreSQL alike.
const SETUP_LOCK = { key: "first-run-setup", windowStart: new Date(0) };

/**
 * Creates the first admin, their organization and (on request) the demo organization with them as its admin.
 * Refused with a 400 naming `token` for a wrong token and a 409 once any account exists.
 */
export async function completeSetup(
  input: SetupInput,
  opts: {
    db?: Db;
    secret?: string;
    onProgress?: (msg: string) => void;
    locale?: AppLocale;
    /** The demo organization's size (lib/demo/generate.ts `scale`): 1, the full demo, unless a test asks less. */
    demoScale?: number;
  } = {},
) {
  const db = opts.db ?? defaultDb;
  if (!setupTokenMatches(input.token, opts.secret))
    throw new ValidationError([{ name: "token", reason: "This is not the setup token printed by the server" }]);
  if (!(await setupOpen(db)))
    throw new ConflictError("Setup is complete: this installation already has an account. Sign in instead.");
  const passwordHash = await hashNewPassword(input.password, {
    email: input.email,
    name: input.name,
    orgName: input.orgName,
  });
  const { userId, orgId } = await db
    .$transaction(async (tx) => {
      await tx.rateLimitBucket.create({
        data: { ...SETUP_LOCK, count: 1, expiresAt: new Date("9999-12-31T00:00:00Z") },
      });
      if ((await tx.user.count()) > 0)
        throw new ConflictError("Setup is complete: this installation already has an account. Sign in instead.");
      const user = await tx.user.create({
        data: { email: normalizeEmail(input.email), name: input.name, passwordHash, passwordChangedAt: new Date() },
      });
      const org = await createOrganization(user.id, input.orgName, { tx, source: "setup", locale: opts.locale });
      await recordAudit(
        { orgId: org.id, userId: user.id, apiKeyId: null },
        { action: "installation.setup", entityType: "User", entityId: user.id, data: { demo: input.demo } },
        tx,
      );
      return { userId: user.id, orgId: org.id };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ConflictError("Setup is already running or complete. Sign in instead.");
      throw error;
    });
  let demoOrgId: string | null = null;
  if (input.demo) {
    const demo = await generateDemoOrganization(db, {
      demoLogins: false,
      adminUserId: userId,
      onProgress: opts.onProgress,
      scale: opts.demoScale,
    });
    demoOrgId = demo.orgId;
  }
  return { userId, orgId, demoOrgId };
}

/** Demo accounts that sign in with the published demo password: a production start warns while they exist. */
export async function demoLoginsPresent(db: Db = defaultDb): Promise<boolean> {
  const row = await db.user.findFirst({
    where: { email: { endsWith: "@demo.resonance.test" }, passwordHash: { not: null } },
    select: { id: true },
  });
  return Boolean(row);
}
