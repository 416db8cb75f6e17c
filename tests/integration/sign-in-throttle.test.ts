// Sign-in throttling over real HTTP (next-auth's credentials flow): failed attempts lock the account, then
// the client IP, with counters in the database so that every instance enforces the same lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ACCOUNT_LIMIT, IP_LIMIT } from "@/lib/auth/sign-in-throttle";
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

/** One sign-in attempt; the error is next-auth's code ("CredentialsSignin") or our lockout message. */
async function attempt(email: string, password: string, ip: string, base = baseURL()): Promise<{ ok: boolean; error: string | null }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies(csrf).join("; "), "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  const ok = cookies(res).some((c) => c.startsWith("next-auth.session-token="));
  return { ok, error };
}

describe("sign-in throttling", () => {
  it(`locks an account after ${ACCOUNT_LIMIT} failures, even against the right password and on every instance`, async () => {
    const user = await createUser("locked");
    const other = await createUser("neighbour");
    const ip = "198.51.100.21";
    for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await attempt(user.email, "wrong password", ip)).toEqual({ ok: false, error: "CredentialsSignin" });

    const locked = await attempt(user.email, TEST_PASSWORD, ip);
    expect(locked.ok).toBe(false);
    expect(locked.error).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect((await attempt(user.email.toUpperCase(), TEST_PASSWORD, "203.0.113.99", second.url)).error).toBe(locked.error); // same lock elsewhere
    expect((await attempt(other.email, TEST_PASSWORD, ip)).ok).toBe(true); // the lock is the account's, not the IP's

    // The lock is the database row of the current window: when the window is over, the account opens again.
    const { count } = await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "sign-in:account:" }, count: { gte: ACCOUNT_LIMIT } } });
    expect(count).toBe(1);
    expect((await attempt(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
  });

  it(`refuses a client IP after ${IP_LIMIT} failures across accounts; other clients go on`, async () => {
    const victims = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser(`spray-${i}`)));
    const ip = "192.0.2.77";
    for (let i = 0; i < IP_LIMIT; i++) expect((await attempt(victims[i % victims.length].email, `guess ${i}`, ip)).error).toBe("CredentialsSignin");
    const fresh = await createUser("spray-fresh");
    expect((await attempt(fresh.email, TEST_PASSWORD, ip)).error).toMatch(/^Too many failed sign-in attempts/);
    expect((await attempt(fresh.email, TEST_PASSWORD, "192.0.2.78")).ok).toBe(true);
    // The bucket keys never hold an e-mail address.
    const keys = (await db.rateLimitBucket.findMany({ where: { key: { startsWith: "sign-in:" } }, select: { key: true } })).map((b) => b.key);
    for (const v of [...victims, fresh]) expect(keys.join(" ")).not.toContain(v.email);
  });
});
