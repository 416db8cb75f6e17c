// Sign-in throttling that slows guessing without handing anyone a way to lock a user out. Counters live in
// the database (lib/rate-limit: sliding windows, and "turns" that space attempts), so every instance
// enforces the same limits. Three scopes, each with some free failures and then progressive delays —
// 1 s, 2 s, 4 s … up to a cap — between attempts, never a lock:
// - pair (account + client): one client guessing one account;
// - client (whatever accounts): password spraying from one address;
// - account (whatever clients): guessing from many (forged) addresses. This scope only slows clients that
//   have never signed in to the account: an address the account signed in from within KNOWN_CLIENT_DAYS
//   is not held back by what other addresses did, so a flood of failures from elsewhere leaves the real
//   user's own address free. The password-reset link needs no sign-in and is never throttled here.
// Every attempt counts before its password is checked (so parallel guesses cannot slip past the count)
// and is taken back when it succeeds or is refused; success forgets the pair's failures. Keys hold
// hashes, never an e-mail or IP address. Rules and reasoning: docs/identity/passwords-and-throttling.md.
import { createHash } from "node:crypto";
import { clientIp } from "../http/client-ip";
import { consumeSliding, forgetKeys, heldUntil, markUntil, retryAfterSeconds, takeTurn } from "../rate-limit/service";
import { signInWaitMessage } from "./sign-in-wait";

const MINUTE = 60_000;
export type ThrottleRule = { windowMs: number; free: number; capSeconds: number };
export const SIGN_IN_RULES = {
  pair: { windowMs: 15 * MINUTE, free: 5, capSeconds: 60 },
  client: { windowMs: 15 * MINUTE, free: 20, capSeconds: 15 * 60 },
  account: { windowMs: 15 * MINUTE, free: 10, capSeconds: 60 },
} satisfies Record<string, ThrottleRule>;
export const KNOWN_CLIENT_DAYS = 90;

/** A sign-in refused for now; the message (signInWaitMessage) says when to try again. */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(signInWaitMessage(retryAfterSeconds));
    this.name = "SignInThrottledError";
  }
}

type HeaderRecord = Record<string, string | string[] | undefined> | undefined;
type Scope = { key: string; rule: ThrottleRule };

const digest = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);

function keysFor(email: string, headers: HeaderRecord) {
  const account = digest("account", email.trim().toLowerCase());
  const ip = clientIp({ get: (name) => [headers?.[name]].flat()[0] ?? null }) ?? "unknown";
  const client = digest("client", ip);
  const pair = digest("pair", account, client);
  return {
    pair: { key: `sign-in:pair:${pair}`, rule: SIGN_IN_RULES.pair },
    client: { key: `sign-in:client:${client}`, rule: SIGN_IN_RULES.client },
    account: { key: `sign-in:account:${account}`, rule: SIGN_IN_RULES.account },
    known: `sign-in:known:${pair}`,
  };
}

const turnKey = (scope: Scope) => `${scope.key}:turn`;

/** How long the `count`-th attempt in the window holds the scope's turn: none while free, then 1 s, 2 s, 4 s … up to the cap. */
export function delaySeconds(count: number, rule: ThrottleRule): number {
  const over = Math.floor(count + 1e-9) - rule.free;
  return over <= 0 ? 0 : Math.min(rule.capSeconds, 2 ** Math.min(over - 1, 30));
}

/**
 * Runs `verify` (the user, or null for wrong credentials) unless this attempt must wait: then
 * SignInThrottledError with the seconds to wait, and `verify` does not run.
 */
export async function throttledSignIn<U>(
  email: string,
  headers: HeaderRecord,
  verify: () => Promise<U | null>,
  now = new Date(),
): Promise<U | null> {
  const keys = keysFor(email, headers);
  const known = (await heldUntil(keys.known, { now })) !== null;
  const scopes: Scope[] = known ? [keys.pair, keys.client] : [keys.pair, keys.client, keys.account];
  const counts = await Promise.all(scopes.map((s) => consumeSliding(s.key, s.rule.windowMs, { now })));
  const takeBack = () =>
    Promise.all(scopes.map((s) => consumeSliding(s.key, s.rule.windowMs, { now, cleanupProbability: 0 }, -1)));

  // Past its free attempts, a scope lets one attempt through per delay: the attempt takes the scope's turn
  // for that long; while another attempt holds it, this one is refused.
  let waitUntil: Date | null = null;
  for (const [i, scope] of scopes.entries()) {
    const delay = delaySeconds(counts[i], scope.rule);
    if (delay === 0) continue;
    const held = await takeTurn(turnKey(scope), new Date(now.getTime() + delay * 1000), { now });
    if (held && (!waitUntil || held > waitUntil)) waitUntil = held;
  }
  if (waitUntil) {
    await takeBack();
    throw new SignInThrottledError(retryAfterSeconds(waitUntil, now));
  }

  const user = await verify();
  if (user) {
    await takeBack();
    await forgetKeys([keys.pair.key, turnKey(keys.pair)]);
    await markUntil(keys.known, new Date(now.getTime() + KNOWN_CLIENT_DAYS * 24 * 60 * MINUTE), { now });
  }
  return user;
}

/**
 * For the password-reset flow (or any proof of owning the address): the client that proved it counts as
 * known for the account from now on, and its pair starts afresh, so a throttle others caused cannot keep it out.
 */
export async function trustSignInClient(email: string, headers: HeaderRecord, now = new Date()): Promise<void> {
  const keys = keysFor(email, headers);
  await forgetKeys([keys.pair.key, turnKey(keys.pair)]);
  await markUntil(keys.known, new Date(now.getTime() + KNOWN_CLIENT_DAYS * 24 * 60 * MINUTE), { now });
}
