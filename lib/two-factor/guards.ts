// The two database-backed guards around code checks, shared by every instance:
// - replay: the last TOTP time step a user has used. A code is accepted only for a later step, so a code seen
//   over a shoulder or in a proxy log cannot be used again while it is still valid. Kept as a
//   RateLimitBucket row (key "two-factor:last-step:<user>", count = the step) that expires once every step
//   it could block is outside the tolerance anyway (then the retention of rate-limit buckets removes it).
// - throttle: wrong codes per user (lib/rate-limit, fixed window). Only someone who already passed the
//   password (sign-in) or holds a session (account page) can send codes at all. Each check takes its attempt
//   with one atomic increment before the code is looked at, and a right code gives it back: a burst of
//   parallel guesses cannot all read "attempts left" before any of them counts.
import { db } from "../db";
import { consume, retryAfterSeconds } from "../rate-limit/service";
import { TooManyRequestsError } from "../errors";
import { TOTP_PERIOD_SECONDS, TOTP_TOLERANCE_SECONDS } from "./totp";
import { isUniqueViolation } from "../db-errors";

export const CODE_FAILURE_LIMIT = { limit: 5, windowMs: 15 * 60_000 };
const EPOCH = new Date(0);

const failureKey = (userId: string) => `two-factor:failures:${userId}`;
const stepKey = (userId: string) => `two-factor:last-step:${userId}`;

export class TwoFactorThrottledError extends TooManyRequestsError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

/**
 * Takes one code attempt (counted as wrong until `succeeded()` gives it back); throws TwoFactorThrottledError
 * when the user has used up their wrong codes for this window.
 */
export async function takeCodeAttempt(userId: string, now = new Date()): Promise<{ succeeded(): Promise<void> }> {
  const { allowed, resetAt } = await consume(failureKey(userId), CODE_FAILURE_LIMIT, { now });
  if (!allowed) throw new TwoFactorThrottledError(retryAfterSeconds(resetAt, now));
  // The same `now`, so the same window's counter goes back down.
  return { succeeded: async () => void (await consume(failureKey(userId), CODE_FAILURE_LIMIT, { now }, -1)) };
}

/**
 * Records `step` as the user's last used TOTP step if it is later than the one stored. Each statement is a
 * single conditional write, so of two requests racing with the same code exactly one gets true.
 */
export async function claimTimeStep(userId: string, step: number, now = new Date()): Promise<boolean> {
  const key = stepKey(userId);
  const expiresAt = new Date(
    Math.max(now.getTime(), (step + 1) * TOTP_PERIOD_SECONDS * 1000) + TOTP_TOLERANCE_SECONDS * 1000 * 2,
  );
  const advance = () =>
    db.rateLimitBucket.updateMany({
      where: { key, windowStart: EPOCH, count: { lt: step } },
      data: { count: step, expiresAt },
    });
  if ((await advance()).count === 1) return true;
  try {
    await db.rateLimitBucket.create({ data: { key, windowStart: EPOCH, count: step, expiresAt } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The row exists (this step or a later one was used, or another request just created it).
    return (await advance()).count === 1;
  }
}

/** Forgets the last used step: it belonged to the previous secret (enrolment and turning two-factor off start clean). */
export async function forgetLastStep(userId: string, tx: Pick<typeof db, "rateLimitBucket"> = db): Promise<void> {
  await tx.rateLimitBucket.deleteMany({ where: { key: stepKey(userId) } });
}
