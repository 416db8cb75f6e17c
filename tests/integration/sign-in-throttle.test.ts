// Sign-in throttling over real HTTP (next-auth's credentials flow) and, where time must pass, in-process
// against the same database with a chosen clock. What users rely on: a third party's failures cannot keep
// the real user out; a guesser's delays grow (1 s, 2 s, 4 s…) and end; one client spraying many accounts is
// slowed; the counters are shared by every instance. Rules: lib/auth/sign-in-throttle.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SIGN_IN_RULES, throttledSignIn, trustSignInClient } from "@/lib/auth/sign-in-throttle";
import { signInWaitSeconds } from "@/lib/auth/sign-in-wait";
import { createUser, TEST_PASSWORD } from "../factories";
import { startServer, type RunningServer } from "../server";
import { baseURL } from "./http";

let second: RunningServer;
beforeAll(async () => {
  second = await startServer({ databaseUrl: process.env.DATABASE_URL! }); // another instance, same database
});
afterAll(async () => {
  await second?.stop();
});

const cookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Attempt = { ok: boolean; error: string | null; wait: number | null };

type Form = { base: string; csrfToken: string; cookie: string };

/** The sign-in form's CSRF token, fetched ahead when a check must follow a failure within its one-second turn. */
async function form(base = baseURL()): Promise<Form> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return { base, csrfToken, cookie: cookies(csrf).join("; ") };
}

/** One sign-in attempt; error is next-auth's code ("CredentialsSignin") or our wait message. */
async function attempt(email: string, password: string, ip: string, at: string | Form = baseURL()): Promise<Attempt> {
  const { base, csrfToken, cookie } = typeof at === "string" ? await form(at) : at;
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      "x-forwarded-for": ip,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  const ok = cookies(res).some((c) => c.startsWith("next-auth.session-token="));
  return { ok, error, wait: signInWaitSeconds(error) };
}

const wrong = (n: number) => `wrong guess number ${n}`;

describe("a third party cannot lock an account out", () => {
  it(
    "failures from many forged addresses leave the real user's own address free, on every instance",
    { timeout: 180_000 },
    async () => {
      const user = await createUser("target");
      const home = "198.51.100.21";
      expect((await attempt(user.email, TEST_PASSWORD, home)).ok).toBe(true); // the user's usual address

      const outcomes: Attempt[] = [];
      for (let i = 0; i < 40; i++) outcomes.push(await attempt(user.email, wrong(i), `203.0.113.${i + 1}`));
      // The account's free failures reach the password check; after that the forged clients mostly wait.
      const checked = outcomes.filter((o) => o.error === "CredentialsSignin").length;
      expect(checked).toBeGreaterThanOrEqual(SIGN_IN_RULES.account.free);
      expect(checked).toBeLessThan(SIGN_IN_RULES.account.free + 8);
      expect(outcomes.filter((o) => o.wait !== null).length).toBe(40 - checked);
      for (const o of outcomes)
        if (o.wait !== null) expect(o.wait).toBeLessThanOrEqual(SIGN_IN_RULES.account.capSeconds);

      // The real user, from their own address, right password: in at once, on either instance.
      expect(await attempt(user.email, TEST_PASSWORD, home)).toMatchObject({ ok: true, error: null });
      expect(await attempt(user.email, TEST_PASSWORD, home, second.url)).toMatchObject({ ok: true, error: null });
      // A new address is only asked to wait a bounded time (never locked), and proving the address through
      // the reset flow (trustSignInClient) lets it in at once.
      const laptop = "192.0.2.200";
      // One more forged failure that reaches the password check, so the account's next turn is held for many seconds
      // from now (on a slow machine the turn of the forged run above may be about to end: wait it out first).
      let forged = await attempt(user.email, wrong(41), "203.0.113.41");
      for (let i = 42; forged.wait !== null && i < 45; i++) {
        await sleep(forged.wait * 1000 + 150);
        forged = await attempt(user.email, wrong(i), `203.0.113.${i}`);
      }
      expect(forged.error).toBe("CredentialsSignin");
      const fresh = await attempt(user.email, TEST_PASSWORD, laptop);
      expect(fresh.ok).toBe(false);
      expect(fresh.wait).toBeGreaterThan(0);
      expect(fresh.wait).toBeLessThanOrEqual(SIGN_IN_RULES.account.capSeconds);
      await trustSignInClient(user.email, { "x-forwarded-for": laptop });
      expect((await attempt(user.email, TEST_PASSWORD, laptop)).ok).toBe(true);
    },
  );
});

describe("one client guessing one account", () => {
  it("waits 1 s, 2 s, 4 s between attempts after the free ones, on every instance; the right password after the wait gets in and starts afresh", async () => {
    const user = await createUser("guessed");
    const ip = "198.51.100.77";
    const { free } = SIGN_IN_RULES.pair;
    for (let i = 0; i < free; i++)
      expect(await attempt(user.email, wrong(i), ip)).toMatchObject({ ok: false, error: "CredentialsSignin" });

    for (const expected of [1, 2, 4]) {
      const next = await form(expected === 2 ? second.url : baseURL()); // ready before the turn starts
      expect((await attempt(user.email, wrong(100 + expected), ip)).error).toBe("CredentialsSignin"); // takes the turn
      const refused = await attempt(user.email, TEST_PASSWORD, ip, next);
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatch(/^Too many failed sign-in attempts\. Try again in \d seconds?\.$/);
      expect([expected, Math.max(1, expected - 1)]).toContain(refused.wait); // the rest of the turn, rounded up
      await sleep(expected * 1000 + 150);
    }
    expect((await attempt(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    // Success forgets the pair's failures: a typo now is just a typo.
    expect((await attempt(user.email, wrong(999), ip)).error).toBe("CredentialsSignin");
    expect((await attempt(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    // Another client was never slowed by this one.
    const other = await createUser("guessed-neighbour");
    expect((await attempt(other.email, TEST_PASSWORD, ip)).ok).toBe(true);
  }, 60_000);

  it("lets the delays end as the failures leave the sliding window (clock chosen in-process)", async () => {
    const email = `slide-${Date.now()}@example.test`;
    const headers = { "x-forwarded-for": "198.51.100.88" };
    const rule = SIGN_IN_RULES.pair;
    const windowStart = Math.ceil(Date.now() / rule.windowMs) * rule.windowMs + rule.windowMs; // a window nobody has used
    const at = (ms: number) => new Date(windowStart + 60_000 + ms);
    const fail = () => Promise.resolve(null);
    const outcome = (now: Date) =>
      throttledSignIn(email, headers, fail, now).then(
        () => "checked",
        (e: Error) => e.message,
      );

    for (let i = 0; i < rule.free + 3; i++) await outcome(at(i * 10_000)); // 8 failures within 80 s, through their turns
    // the 8th took a 4-second turn at 70 s: at 72 s the next one waits the rest of it
    expect(await outcome(at(72_000))).toBe("Too many failed sign-in attempts. Try again in 2 seconds.");
    // 20 minutes on: the previous window's 8 failures weigh 60 %, under the free five → checked without a wait.
    expect(await outcome(at(20 * 60_000))).toBe("checked");
    // Half an hour on, both windows are new: the whole allowance is back.
    for (let i = 0; i < rule.free; i++) expect(await outcome(at(31 * 60_000 + i))).toBe("checked");
  });
});

describe("one client spraying many accounts", () => {
  it(`is slowed after ${SIGN_IN_RULES.client.free} failures across accounts; other clients go on; keys hold no address`, async () => {
    const victims = await Promise.all(Array.from({ length: 6 }, (_, i) => createUser(`spray-${i}`)));
    const ip = "192.0.2.77";
    // made and ready before the last failure: the check right after it must fall inside its one-second turn
    const fresh = await createUser("spray-fresh");
    const next = await form();
    for (let i = 0; i <= SIGN_IN_RULES.client.free; i++)
      expect((await attempt(victims[i % victims.length].email, wrong(i), ip)).error).toBe("CredentialsSignin");
    const refused = await attempt(fresh.email, TEST_PASSWORD, ip, next);
    expect(refused.ok).toBe(false);
    expect(refused.wait).toBe(1);
    expect((await attempt(fresh.email, TEST_PASSWORD, "192.0.2.78")).ok).toBe(true);
    await sleep(1150);
    expect((await attempt(fresh.email, TEST_PASSWORD, ip)).ok).toBe(true); // slowed, not locked

    const keys = (
      await db.rateLimitBucket.findMany({ where: { key: { startsWith: "sign-in:" } }, select: { key: true } })
    )
      .map((b) => b.key)
      .join(" ");
    for (const v of [...victims, fresh]) expect(keys).not.toContain(v.email);
    expect(keys).not.toContain(ip);
  }, 60_000);
});
