// Two-factor authentication over real HTTP sign-in (next-auth's credentials flow against the production
// server): an enrolled account needs a code after its password, a TOTP step and a recovery code work once,
// wrong codes are throttled, and an organization that requires two-factor refuses sessions without it
// (403 problem+json on /api/v1, a redirect to the enrolment page for pages) until the member enrols.
// Enrolment itself runs in-process through the service the server action calls, on the session the HTTP
// sign-in created; the browser path is tests/e2e/two-factor.spec.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxForUser } from "@/lib/auth/ctx";
import {
  beginEnrolment,
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  verifySecondFactor,
} from "@/lib/two-factor/service";
import { CODE_FAILURE_LIMIT } from "@/lib/two-factor/guards";
import { setRequireTwoFactor, TwoFactorRequiredError } from "@/lib/two-factor/policy";
import { totpCodeAt } from "@/lib/two-factor/totp";
import { openSecret } from "@/lib/webhooks/secret-box";
import { TWO_FACTOR_CODE_REQUIRED } from "@/lib/two-factor/schema";
import { createOrg, createUser, TEST_PASSWORD } from "../factories";
import { baseURL, http } from "./http";
import { TEST_NEXTAUTH_SECRET } from "../server";

// Secrets are sealed in-process here and opened by the server: both need the server's key.
process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

const setCookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
let ipCounter = 0;

/** One sign-in; `cookie` when a session was created, `error` = next-auth's code or our message. */
async function signIn(
  email: string,
  password: string,
  code?: string,
): Promise<{ cookie: string | null; error: string | null }> {
  const ip = `198.51.100.${(ipCounter++ % 200) + 20}`; // the per-client sign-in limit stays out of these tests
  const csrf = await fetch(`${baseURL()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf);
  const res = await fetch(`${baseURL()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, email, password, ...(code === undefined ? {} : { code }), json: "true" }),
    redirect: "manual",
  });
  const { url } = (await res.json()) as { url: string };
  const all = [...jar, ...setCookies(res)];
  const cookie = all.some((c) => c.startsWith("next-auth.session-token=")) ? all.join("; ") : null;
  return { cookie, error: new URL(url).searchParams.get("error") };
}

async function sessionOf(cookie: string) {
  const res = await http("GET", "/api/auth/session", { cookie });
  return res.body as { user?: { id: string; sid: string } };
}

/** Enrols the user on the session behind `cookie`, as the account page does; returns the secret and codes. */
async function enrol(userId: string, email: string, cookie: string) {
  const { user } = await sessionOf(cookie);
  const session = { userId, sid: user!.sid };
  const enrolment = await beginEnrolment(userId, email);
  const secret = enrolment.secretForTyping.replaceAll(" ", "");
  // The code of this step: the tests below count steps from it, not from a later clock reading that may have moved
  // on to the next 30 s step on a slow machine.
  const enrolledAt = step();
  const { recoveryCodes } = await enableTwoFactor(session, {
    pending: enrolment.pending,
    code: codeAtStep(secret, enrolledAt),
    password: TEST_PASSWORD,
  });
  return { secret, recoveryCodes, session, enrolledAt };
}

function step(t = Date.now()) {
  return Math.floor(t / 30_000);
}
function codeAtStep(secret: string, s: number) {
  return totpCodeAt(secret, new Date(s * 30_000 + 1_000));
}
/** Codes of long-past steps that differ from every code valid now (a 6-digit code repeats by chance). */
function wrongCodes(secret: string, count: number): string[] {
  const now = step();
  const valid = new Set([-1, 0, 1, 2].map((d) => codeAtStep(secret, now + d)));
  return Array.from({ length: count * 2 }, (_, i) => codeAtStep(secret, now - 20 - i))
    .filter((c) => !valid.has(c))
    .slice(0, count);
}

describe("sign-in with two-factor on", () => {
  it("turning it on needs the current password: a session alone cannot enrol its own app", async () => {
    const user = await createUser("tf-stolen");
    const cookie = (await signIn(user.email, TEST_PASSWORD)).cookie!;
    const { user: s } = await sessionOf(cookie);
    const enrolment = await beginEnrolment(user.id, user.email);
    const secret = enrolment.secretForTyping.replaceAll(" ", "");
    for (const password of [undefined, "not the password"]) {
      const error = await enableTwoFactor(
        { userId: user.id, sid: s!.sid },
        { pending: enrolment.pending, code: totpCodeAt(secret), password },
      ).catch((e: unknown) => e);
      expect((error as { invalidParams?: Array<{ name: string }> }).invalidParams?.map((p) => p.name)).toEqual([
        "password",
      ]);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
  });

  it("needs a code after the password; a code works once; a wrong or replayed code is refused", async () => {
    const user = await createUser("tfa-signin");
    const first = (await signIn(user.email, TEST_PASSWORD)).cookie!;
    const other = (await signIn(user.email, TEST_PASSWORD)).cookie!;
    const { secret, enrolledAt } = await enrol(user.id, user.email, first);

    // The stored secret is sealed, never plain; the enrolling session passed the second factor, the other ended.
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecretEnc).not.toContain(secret);
    expect(openSecret(row.totpSecretEnc!)).toBe(secret);
    expect((await sessionOf(first)).user?.id).toBe(user.id);
    expect((await sessionOf(other)).user).toBeUndefined();

    // The password alone creates no session and says a code is needed; a wrong password says nothing more.
    expect(await signIn(user.email, TEST_PASSWORD)).toEqual({ cookie: null, error: TWO_FACTOR_CODE_REQUIRED });
    expect(await signIn(user.email, "not the password")).toEqual({ cookie: null, error: "CredentialsSignin" });
    expect(await signIn(user.email, "not the password", codeAtStep(secret, step()))).toEqual({
      cookie: null,
      error: "CredentialsSignin",
    });

    // The enrolment's code (its step) is spent; the next step's code (within the tolerance) signs in, once.
    const now = enrolledAt;
    expect(await signIn(user.email, TEST_PASSWORD, wrongCodes(secret, 1)[0])).toEqual({
      cookie: null,
      error: "CredentialsSignin",
    });
    expect((await signIn(user.email, TEST_PASSWORD, codeAtStep(secret, now))).cookie).toBeNull();
    const next = codeAtStep(secret, now + 1);
    const signedIn = await signIn(user.email, TEST_PASSWORD, next.replace(/^(\d{3})/, "$1 "));
    expect(signedIn.error).toBeNull();
    expect(signedIn.cookie).not.toBeNull();
    const { user: s } = await sessionOf(signedIn.cookie!);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: s!.sid } })).toMatchObject({
      mfa: true,
      method: "password",
    });
    expect(await signIn(user.email, TEST_PASSWORD, next)).toEqual({ cookie: null, error: "CredentialsSignin" }); // replay
    expect((await signIn(user.email, TEST_PASSWORD, codeAtStep(secret, now))).cookie).toBeNull(); // an older step after a newer one
  });

  it("takes each recovery code once, in any case and with or without the dash; new codes replace the old", async () => {
    const user = await createUser("tfa-recovery");
    const { recoveryCodes, session } = await enrol(
      user.id,
      user.email,
      (await signIn(user.email, TEST_PASSWORD)).cookie!,
    );
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const c of recoveryCodes)
      expect(stored.some((r) => r.codeHash.includes(c) || r.codeHash.includes(c.replace("-", "")))).toBe(false);

    const [a, b, c] = recoveryCodes;
    expect((await signIn(user.email, TEST_PASSWORD, a)).cookie).not.toBeNull();
    expect(await signIn(user.email, TEST_PASSWORD, a)).toEqual({ cookie: null, error: "CredentialsSignin" });
    expect((await signIn(user.email, TEST_PASSWORD, b.replace("-", "").toUpperCase())).cookie).not.toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);

    // Two requests racing with the same code: exactly one gets in.
    const raced = await Promise.all([verifySecondFactor(user.id, c), verifySecondFactor(user.id, c)]);
    expect(raced.filter((m) => m === "recovery_code")).toHaveLength(1);

    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(session, { code: recoveryCodes[3] });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect((await signIn(user.email, TEST_PASSWORD, recoveryCodes[4])).cookie).toBeNull();
    expect((await signIn(user.email, TEST_PASSWORD, fresh[0])).cookie).not.toBeNull();
  });

  it(`refuses every code after ${CODE_FAILURE_LIMIT.limit} wrong ones, the right one included, with a message saying when to retry`, async () => {
    const user = await createUser("tfa-throttle");
    const { secret, recoveryCodes } = await enrol(
      user.id,
      user.email,
      (await signIn(user.email, TEST_PASSWORD)).cookie!,
    );
    const now = step();
    const wrong = wrongCodes(secret, CODE_FAILURE_LIMIT.limit);
    for (let i = 0; i < CODE_FAILURE_LIMIT.limit; i++)
      expect((await signIn(user.email, TEST_PASSWORD, wrong[i])).error).toBe("CredentialsSignin");
    const refused = await signIn(user.email, TEST_PASSWORD, codeAtStep(secret, now + 1));
    expect(refused.cookie).toBeNull();
    expect(refused.error).toMatch(/^Too many wrong codes\. Try again in \d+ minutes?\.$/);
    expect((await signIn(user.email, TEST_PASSWORD, recoveryCodes[0])).error).toBe(refused.error);
    // The window's counter is a database row (every instance sees it); when it is gone the code works again.
    await db.rateLimitBucket.deleteMany({ where: { key: `two-factor:failures:${user.id}` } });
    expect((await signIn(user.email, TEST_PASSWORD, recoveryCodes[0])).cookie).not.toBeNull();
  });

  it(`a burst of parallel wrong codes gets ${CODE_FAILURE_LIMIT.limit} checks in all, not one each; right codes do not use up the allowance`, async () => {
    const user = await createUser("tfa-burst");
    const { secret, recoveryCodes } = await enrol(
      user.id,
      user.email,
      (await signIn(user.email, TEST_PASSWORD)).cookie!,
    );
    // Right codes first: each gives its attempt back, so they never count against the owner.
    for (const c of recoveryCodes.slice(0, CODE_FAILURE_LIMIT.limit + 1))
      expect(await verifySecondFactor(user.id, c)).toBe("recovery_code");
    const wrong = wrongCodes(secret, 20);
    const results = await Promise.allSettled(wrong.map((c) => verifySecondFactor(user.id, c)));
    const checked = results.filter((r) => r.status === "fulfilled");
    expect(checked).toHaveLength(CODE_FAILURE_LIMIT.limit);
    expect(checked.every((r) => r.status === "fulfilled" && r.value === null)).toBe(true);
    expect(
      results.filter((r) => r.status === "rejected" && /Too many wrong codes/.test(String(r.reason?.message))),
    ).toHaveLength(20 - CODE_FAILURE_LIMIT.limit);
    await expect(verifySecondFactor(user.id, recoveryCodes[9])).rejects.toThrow(/Too many wrong codes/);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(
      10 - (CODE_FAILURE_LIMIT.limit + 1),
    ); // the refused one was not spent
  });

  it("turning it off needs the password and a code; then the password alone signs in again", async () => {
    const user = await createUser("tfa-off");
    const { secret, session } = await enrol(user.id, user.email, (await signIn(user.email, TEST_PASSWORD)).cookie!);
    const code = codeAtStep(secret, step() + 1);
    await expect(disableTwoFactor(session, { password: "wrong", code })).rejects.toThrow(
      "That is not your current password.",
    );
    await expect(
      disableTwoFactor(session, { password: TEST_PASSWORD, code: wrongCodes(secret, 1)[0] }),
    ).rejects.toThrow(/That code is not right/);
    await disableTwoFactor(session, { password: TEST_PASSWORD, code });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpSecretEnc: null,
      totpEnabledAt: null,
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(user.email, TEST_PASSWORD)).cookie).not.toBeNull();
  });
});

describe("an organization that requires two-factor", () => {
  it("refuses a session without it (403 on /api/v1, redirect on pages) and opens after enrolment", async () => {
    const A = await createOrg("tfa-policy");
    const viewer = A.users.viewer;
    const cookie = (await signIn(viewer.email, TEST_PASSWORD)).cookie!;
    expect((await http("GET", "/api/v1/customers", { cookie })).status).toBe(200);

    // An admin must have passed two-factor themselves before requiring it.
    const adminCookie = (await signIn(A.users.admin.email, TEST_PASSWORD)).cookie!;
    const adminSid = (await sessionOf(adminCookie)).user!.sid;
    await expect(setRequireTwoFactor(A.ctx("admin"), adminSid, true)).rejects.toThrow(
      /Turn on two-factor authentication for your own account first/,
    );
    const admin = await enrol(A.users.admin.id, A.users.admin.email, adminCookie);
    await setRequireTwoFactor(A.ctx("admin"), admin.session.sid, true);
    expect(
      await db.auditEvent.count({
        where: { orgId: A.orgId, action: "organization.two_factor_required", actorId: A.users.admin.id },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { orgId: A.orgId, action: "user.two_factor_enabled", entityId: A.users.admin.id },
      }),
    ).toBe(1);

    // The same session, on its very next request.
    const api = await http("GET", "/api/v1/customers", { cookie });
    expect(api.status).toBe(403);
    expect(api.contentType).toContain("application/problem+json");
    expect(api.body.detail).toMatch(/requires two-factor authentication/);
    const write = await http("POST", "/api/v1/customers", {
      cookie: (await signIn(A.users.agent.email, TEST_PASSWORD)).cookie!,
      body: { name: "Blocked" },
      headers: { origin: new URL(baseURL()).origin },
    });
    expect(write.status).toBe(403);
    expect(await db.customer.count({ where: { orgId: A.orgId, name: "Blocked" } })).toBe(0);
    for (const page of ["/", "/customers", "/settings"]) {
      const res = await http("GET", page, { cookie });
      expect(res.status, page).toBe(307);
      expect(res.headers.get("location"), page).toBe("/account/two-factor?required=1");
    }
    const enrolPage = await http("GET", "/account/two-factor?required=1", { cookie });
    expect(enrolPage.status).toBe(200);
    expect(enrolPage.body).toContain("requires two-factor authentication for every member");
    expect(enrolPage.body).toContain(A.name);
    // API keys are not sessions: an integration keeps working.
    expect((await http("GET", "/api/v1/customers", { key: A.keys.viewer })).status).toBe(200);
    // In-process callers without a session id get the same refusal.
    await expect(ctxForUser(viewer.id)).rejects.toBeInstanceOf(TwoFactorRequiredError);

    // Enrolling on that session opens the organization to it.
    const { secret, session, recoveryCodes } = await enrol(viewer.id, viewer.email, cookie);
    expect((await http("GET", "/api/v1/customers", { cookie })).status).toBe(200);
    expect((await http("GET", "/", { cookie })).status).toBe(200);
    expect(await ctxForUser(viewer.id, A.orgId, session.sid)).toMatchObject({ orgId: A.orgId, role: "viewer" });

    // A later sign-in with the code opens it too; turning two-factor off closes it again.
    const withCode = (await signIn(viewer.email, TEST_PASSWORD, codeAtStep(secret, step() + 1))).cookie!;
    expect((await http("GET", "/api/v1/customers", { cookie: withCode })).status).toBe(200);
    await disableTwoFactor(session, { password: TEST_PASSWORD, code: recoveryCodes[0] });
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).totpEnabledAt).toBeNull();
    expect((await http("GET", "/api/v1/customers", { cookie: withCode })).status).toBe(403);
    expect((await http("GET", "/api/v1/customers", { cookie })).status).toBe(403);

    // Optional again: the policy change is audited and the member's password session opens it.
    await setRequireTwoFactor(A.ctx("admin"), admin.session.sid, false);
    expect((await http("GET", "/api/v1/customers", { cookie })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { orgId: A.orgId, action: "organization.two_factor_optional" } })).toBe(
      1,
    );
  });
});
