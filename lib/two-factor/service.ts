// Two-factor authentication of a user's account (TOTP + one-time recovery codes). Enrolment is stateless
// until confirmed: the account page shows a new secret (QR code and text) with a sealed "pending" token
// holding it; the secret is stored (sealed, lib/webhooks/secret-box.ts) and two-factor switched on only
// when the user sends a code their app computed from it. Every code check goes through verifySecondFactor:
// throttled per user, a TOTP step used at most once, a recovery code claimed at most once (guards.ts,
// recovery-codes.ts). docs/identity/two-factor.md describes the whole feature.
import QRCode from "qrcode";
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/service";
import { ConflictError, ValidationError } from "../errors";
import { verifyPassword } from "../auth/password";
import { markSessionMfa, revokeUserSessions } from "../auth/sessions";
import { openSecret, sealSecret } from "../webhooks/secret-box";
import { claimTimeStep, forgetLastStep, takeCodeAttempt } from "./guards";
import { claimRecoveryCode, replaceRecoveryCodes, unusedRecoveryCodeCount } from "./recovery-codes";
import { TWO_FACTOR_CODE_REQUIRED } from "./schema";
import { formatSecretForTyping, looksLikeTotp, newTotpSecret, totpStepOf, totpUri } from "./totp";

/** The signed-in browser acting on its own account (lib/auth/ctx.ts currentSession). */
export type SessionRef = { userId: string; sid: string };
export type SecondFactorMethod = "totp" | "recovery_code";

const PENDING_MAX_AGE_MS = 60 * 60_000;
const WRONG_CODE = "That code is not right. Enter the current 6-digit code from your app, or an unused recovery code.";

// ——— status ———

export async function getTwoFactorStatus(session: SessionRef) {
  const [user, row, recoveryCodesLeft, requiredBy] = await Promise.all([
    db.user.findUnique({
      where: { id: session.userId },
      select: { email: true, totpEnabledAt: true, passwordHash: true },
    }),
    db.userSession.findUnique({ where: { id: session.sid }, select: { mfa: true } }),
    unusedRecoveryCodeCount(session.userId),
    db.organization.findMany({
      where: { requireTwoFactor: true, memberships: { some: { userId: session.userId, suspendedAt: null } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const enabledAt = user?.totpEnabledAt ?? null;
  return {
    email: user?.email ?? "",
    enabled: enabledAt !== null,
    enabledAt,
    hasPassword: Boolean(user?.passwordHash),
    recoveryCodesLeft: enabledAt ? recoveryCodesLeft : 0,
    /** This browser's session passed a second factor (a code at sign-in, enrolment, or a code on the account page). */
    sessionVerified: enabledAt !== null && row?.mfa === true,
    requiredBy,
  };
}
export type TwoFactorStatus = Awaited<ReturnType<typeof getTwoFactorStatus>>;

// ——— enrolment ———

export type Enrolment = { pending: string; secretForTyping: string; uri: string; qrDataUrl: string };

/** A fresh secret for the enrolment page; nothing is stored until enableTwoFactor confirms a code. */
export async function beginEnrolment(userId: string, accountName: string, now = new Date()): Promise<Enrolment> {
  const secret = newTotpSecret();
  const uri = totpUri(secret, accountName);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const pending = sealSecret(JSON.stringify({ u: userId, s: secret, t: now.getTime() }));
  return {
    pending,
    secretForTyping: formatSecretForTyping(secret),
    uri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

function openPending(userId: string, pending: string, now: Date): string {
  const expired = new ValidationError(
    [{ name: "pending", reason: "This setup page has expired. Reload it and scan the new QR code.", in: "body" }],
    "This setup page has expired. Reload it and scan the new QR code.",
  );
  let parsed: { u?: unknown; s?: unknown; t?: unknown };
  try {
    parsed = JSON.parse(openSecret(pending));
  } catch {
    throw expired;
  }
  if (
    parsed.u !== userId ||
    typeof parsed.s !== "string" ||
    typeof parsed.t !== "number" ||
    now.getTime() - parsed.t > PENDING_MAX_AGE_MS
  )
    throw expired;
  return parsed.s;
}

function wrongCode(): ValidationError {
  return new ValidationError([{ name: "code", reason: WRONG_CODE, in: "body" }], WRONG_CODE);
}

/**
 * Switches two-factor on once `code` matches the pending secret. The current session counts as having
 * passed the second factor; the user's other sessions end (they were signed in with a password alone).
 * Returns the ten recovery codes: the only time they are shown.
 */
export async function enableTwoFactor(
  session: SessionRef,
  input: { pending: string; code: string; password?: string },
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const secret = openPending(session.userId, input.pending, now);
  // A stolen session must not be able to put its own authenticator on the account (and lock the owner out).
  await assertCurrentPassword(session.userId, input.password, now);
  const attempt = await takeCodeAttempt(session.userId, now);
  const step = totpStepOf(secret, input.code, now);
  if (step === null) throw wrongCode();
  await attempt.succeeded();
  const recoveryCodes = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: session.userId, totpEnabledAt: null },
      data: { totpSecretEnc: sealSecret(secret), totpEnabledAt: now },
    });
    if (count !== 1) throw new ConflictError("Two-factor authentication is already on for your account.");
    await forgetLastStep(session.userId, tx);
    const codes = await replaceRecoveryCodes(session.userId, tx);
    await markSessionMfa(session.sid, tx);
    await revokeUserSessions(session.userId, "two_factor_changed", { except: session.sid }, tx);
    await auditInEveryOrganization(session.userId, "user.two_factor_enabled", tx);
    return codes;
  });
  // The confirming code is spent: it cannot sign anyone in during the rest of its window.
  await claimTimeStep(session.userId, step, now);
  return { recoveryCodes };
}

// ——— checking a code ———

/**
 * Checks a 6-digit TOTP or a recovery code for a user with two-factor on. Throws TwoFactorThrottledError
 * after too many wrong codes; counts a wrong one. A TOTP step or recovery code is accepted once only.
 */
export async function verifySecondFactor(
  userId: string,
  code: string,
  now = new Date(),
): Promise<SecondFactorMethod | null> {
  const attempt = await takeCodeAttempt(userId, now);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true },
  });
  let method: SecondFactorMethod | null = null;
  if (user?.totpEnabledAt && user.totpSecretEnc) {
    if (looksLikeTotp(code)) {
      const secret = readSecret(user.totpSecretEnc);
      const step = secret ? totpStepOf(secret, code, now) : null;
      if (step !== null && (await claimTimeStep(userId, step, now))) method = "totp";
    } else if (await claimRecoveryCode(userId, code, now)) {
      method = "recovery_code";
    }
  }
  if (method) await attempt.succeeded();
  return method;
}

/** The stored secret; an unreadable one (server key changed) matches no code, so recovery codes remain the way in. */
function readSecret(sealed: string): string | null {
  try {
    return openSecret(sealed);
  } catch {
    console.error(
      "[two-factor] a stored TOTP secret cannot be decrypted with this server's key (was NEXTAUTH_SECRET or WEBHOOK_SECRET_KEY changed?)",
    );
    return null;
  }
}

/** Thrown by the credentials provider when the password was right and a second factor is still needed. */
export class TwoFactorCodeRequiredError extends Error {
  constructor() {
    super(TWO_FACTOR_CODE_REQUIRED);
    this.name = "TwoFactorCodeRequiredError";
  }
}

/**
 * The second step of a password sign-in (the password is already verified). Without two-factor: passes,
 * mfa false. With it: no code → TwoFactorCodeRequiredError (the form then asks for one); a wrong code → null.
 */
export async function secondFactorAtSignIn(
  userId: string,
  code: string | undefined,
  now = new Date(),
): Promise<{ mfa: boolean; method?: SecondFactorMethod } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  if (!user?.totpEnabledAt) return { mfa: false };
  if (!code?.trim()) throw new TwoFactorCodeRequiredError();
  const method = await verifySecondFactor(userId, code, now);
  return method ? { mfa: true, method } : null;
}

// ——— changes for an enrolled user (each needs a code) ———

async function requireCode(userId: string, code: string, now: Date): Promise<SecondFactorMethod> {
  const method = await verifySecondFactor(userId, code, now);
  if (!method) throw wrongCode();
  return method;
}

async function assertEnabled(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  if (!user?.totpEnabledAt) throw new ConflictError("Two-factor authentication is not on for your account.");
}

/** A session that began without a second factor (e.g. before enrolment elsewhere) passes it with a code. */
export async function verifySessionSecondFactor(
  session: SessionRef,
  input: { code: string },
  now = new Date(),
): Promise<void> {
  await assertEnabled(session.userId);
  await requireCode(session.userId, input.code, now);
  await markSessionMfa(session.sid);
}

/** New recovery codes; the old ones stop working. Needs a current code (or an unused recovery code). */
export async function regenerateRecoveryCodes(
  session: SessionRef,
  input: { code: string },
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  await assertEnabled(session.userId);
  await requireCode(session.userId, input.code, now);
  const recoveryCodes = await db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(session.userId, tx);
    await auditInEveryOrganization(session.userId, "user.recovery_codes_regenerated", tx);
    return codes;
  });
  return { recoveryCodes };
}

/**
 * Switches two-factor off: needs the password (when the account has one) and a code. The secret and the
 * recovery codes are deleted, and no session of the user counts as having passed a second factor any more
 * (an organization that requires two-factor closes to them until they enrol again).
 */
export async function disableTwoFactor(
  session: SessionRef,
  input: { password?: string; code: string },
  now = new Date(),
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { totpEnabledAt: true } });
  if (!user?.totpEnabledAt) throw new ConflictError("Two-factor authentication is not on for your account.");
  await assertCurrentPassword(session.userId, input.password, now);
  await requireCode(session.userId, input.code, now);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: session.userId }, data: { totpSecretEnc: null, totpEnabledAt: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: session.userId } });
    await tx.userSession.updateMany({ where: { userId: session.userId }, data: { mfa: false } });
    await forgetLastStep(session.userId, tx);
    await auditInEveryOrganization(session.userId, "user.two_factor_disabled", tx);
  });
}

/** Accounts with a password prove it to change their second factor; wrong ones count like wrong codes. */
async function assertCurrentPassword(userId: string, password: string | undefined, now: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) return;
  const attempt = await takeCodeAttempt(userId, now);
  if (!password || !(await verifyPassword(password, user.passwordHash))) {
    throw new ValidationError(
      [{ name: "password", reason: "That is not your current password.", in: "body" }],
      "That is not your current password.",
    );
  }
  await attempt.succeeded();
}

/** Account events go into the audit log of every organization the user belongs to, where its admins see them. */
async function auditInEveryOrganization(userId: string, action: string, tx: Prisma.TransactionClient): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { orgId: true } });
  for (const m of memberships)
    await recordAudit({ orgId: m.orgId, userId, apiKeyId: null }, { action, entityType: "User", entityId: userId }, tx);
}
