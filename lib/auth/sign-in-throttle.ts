// Sign-in throttling that holds across any number of instances: the counters live in the database
// (lib/rate-limit, fixed windows). Only failed attempts count.
// - Per account: after ACCOUNT_LIMIT failures within the window the account is locked until the window
//   ends — the right password does not get in meanwhile (guessing gains nothing by luck of timing).
// - Per client IP: IP_LIMIT failures per window, whichever accounts they target (password spraying).
// Keys hold a hash of the e-mail address, never the address.
import { createHash } from "node:crypto";
import { clientIp } from "../http/client-ip";
import { consume, currentCount, retryAfterSeconds } from "../rate-limit/service";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LIMIT = 10;
export const IP_LIMIT = 50;

/** The message a locked-out sign-in gets (shown by the sign-in form as it is). */
export class SignInLockedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

type HeaderRecord = Record<string, string | string[] | undefined> | undefined;

function keysFor(email: string, headers: HeaderRecord) {
  const account = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  const ip = clientIp({ get: (name) => [headers?.[name]].flat()[0] ?? null }) ?? "unknown";
  return [
    { key: `sign-in:account:${account}`, limit: ACCOUNT_LIMIT, windowMs: SIGN_IN_WINDOW_MS },
    { key: `sign-in:ip:${ip}`, limit: IP_LIMIT, windowMs: SIGN_IN_WINDOW_MS },
  ];
}

/**
 * Runs `verify` unless the account or the client is locked out (then SignInLockedError), and counts a
 * failure against both. `verify` returns the user, or null for wrong credentials.
 */
export async function throttledSignIn<U>(email: string, headers: HeaderRecord, verify: () => Promise<U | null>, now = new Date()): Promise<U | null> {
  const limits = keysFor(email, headers);
  for (const l of limits) {
    const { count, resetAt } = await currentCount(l.key, l, { now });
    if (count >= l.limit) throw new SignInLockedError(retryAfterSeconds(resetAt, now));
  }
  const user = await verify();
  if (!user) for (const l of limits) await consume(l.key, l, { now });
  return user;
}
