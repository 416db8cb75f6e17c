// Time-based one-time passwords (RFC 6238) through otplib: SHA-1, 6 digits, 30-second steps — what every
// authenticator app reads from an otpauth:// QR code. Pure code: no database, no clock unless given one.
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of the server's clock: a code typed as it rolls over, or a phone a little off. */
export const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const TOTP_ISSUER = "Resonance";

/** A new shared secret: 20 random bytes (160 bits, RFC 4226's recommendation), Base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app scans: "Resonance: ada@example.com". */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret, period: TOTP_PERIOD_SECONDS });
}

/** The secret in groups of four, the way people type it into an app that cannot scan. */
export function formatSecretForTyping(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/** Spaces and dashes removed; a TOTP is then exactly six digits. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(normalizeCode(code));
}

/**
 * The time step (Unix time / 30) the code belongs to, or null when it matches none of the steps within
 * the tolerance. The caller remembers the step so that the same code cannot be used twice (replay-guard.ts).
 */
export function totpStepOf(secret: string, code: string, now: Date = new Date()): number | null {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const result = verifySync({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_TOLERANCE_SECONDS,
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The current code for a secret (tests, and nothing else in the app). */
export function totpCodeAt(secret: string, at: Date = new Date()): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000), period: TOTP_PERIOD_SECONDS });
}
