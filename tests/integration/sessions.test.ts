// Sessions end when they should, on the very next request, on every route kind: sign-out ends the copied
// token too; an absolute lifetime that /api/auth/session cannot extend; removal from an organization and an
// admin's "sign out" end every session of that member; a token from before session records (no `sid`) or
// for another user's session opens nothing. (lib/auth/sessions.ts, lib/auth/options.ts)
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { baseURL, http, signIn } from "./http";

let A: Org;
beforeAll(async () => {
  A = await createOrg("sessions");
});

const SECRET = process.env.NEXTAUTH_SECRET ?? "test-secret-not-for-production-0123456789";
const sessionToken = (cookie: string) => /next-auth\.session-token=([^;]+)/.exec(cookie)![1];
const only = (cookie: string) => `next-auth.session-token=${sessionToken(cookie)}`;
const origin = () => ({ origin: new URL(baseURL()).origin, "sec-fetch-site": "same-origin" });

async function sidOf(cookie: string): Promise<string> {
  const res = await fetch(`${baseURL()}/api/auth/session`, { headers: { cookie } });
  const body = (await res.json()) as { user?: { sid?: string } };
  return body.user!.sid!;
}

async function opens(cookie: string): Promise<{ api: number; page: number }> {
  const api = (await http("GET", "/api/v1/me", { cookie })).status;
  const page = (await fetch(`${baseURL()}/customers`, { headers: { cookie }, redirect: "manual" })).status;
  return { api, page };
}

async function signOut(cookie: string) {
  const csrf = await fetch(`${baseURL()}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = [cookie, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const res = await fetch(`${baseURL()}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
  expect(res.status).toBeLessThan(400);
}

describe("sessions", () => {
  it("a signed-in session opens the API and pages and is recorded with its absolute end", async () => {
    const cookie = (await signIn(A.users.viewer.email, TEST_PASSWORD))!;
    expect(await opens(cookie)).toEqual({ api: 200, page: 200 });
    const row = await db.userSession.findUniqueOrThrow({ where: { id: await sidOf(cookie) } });
    expect(row.userId).toBe(A.users.viewer.id);
    expect(row.method).toBe("password");
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);
  });

  it("signing out ends the session for a copy of the token as well", async () => {
    const cookie = (await signIn(A.users.agent.email, TEST_PASSWORD))!;
    const copy = only(cookie);
    expect((await opens(copy)).api).toBe(200);
    await signOut(cookie);
    expect(await opens(copy)).toEqual({ api: 401, page: 307 });
    const session = await fetch(`${baseURL()}/api/auth/session`, { headers: { cookie: copy } });
    expect(await session.json()).toEqual({});
    // …and the response tells the browser to drop the cookie instead of renewing it.
    expect(
      session.headers
        .getSetCookie()
        .some((c) => /^next-auth\.session-token=;/.test(c) || /next-auth\.session-token=.*Max-Age=0/i.test(c)),
    ).toBe(true);
  });

  it("no activity extends the absolute end: past it, /api/auth/session renews nothing and the API refuses", async () => {
    const cookie = only((await signIn(A.users.manager.email, TEST_PASSWORD))!);
    const sid = await sidOf(cookie);
    const renewed = await fetch(`${baseURL()}/api/auth/session`, { headers: { cookie } });
    expect(
      renewed.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token=") && !/Max-Age=0/i.test(c)),
    ).toBe(true);
    await db.userSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const after = await fetch(`${baseURL()}/api/auth/session`, { headers: { cookie } });
    expect(await after.json()).toEqual({});
    expect((await opens(cookie)).api).toBe(401);
  });

  it("removing a member ends their sessions on the next request", async () => {
    const B = await createOrg("sessions-removal");
    const cookie = only((await signIn(B.users.agent.email, TEST_PASSWORD))!);
    expect((await opens(cookie)).api).toBe(200);
    const admin = (await signIn(B.users.admin.email, TEST_PASSWORD))!;
    const removed = await http("DELETE", `/api/v1/members/${B.users.agent.membershipId}`, {
      cookie: admin,
      headers: origin(),
    });
    expect(removed.status).toBe(204);
    expect((await opens(cookie)).api).toBe(401);
    const row = await db.userSession.findFirstOrThrow({
      where: { userId: B.users.agent.id },
      orderBy: { createdAt: "desc" },
    });
    expect(row.revokedReason).toBe("member_removed");
  });

  it("an admin's 'sign out everywhere' for a member ends all of that member's sessions, and only theirs", async () => {
    const phone = only((await signIn(A.users.manager.email, TEST_PASSWORD))!);
    const laptop = only((await signIn(A.users.manager.email, TEST_PASSWORD))!);
    const bystander = only((await signIn(A.users.viewer.email, TEST_PASSWORD))!);
    const admin = (await signIn(A.users.admin.email, TEST_PASSWORD))!;
    const res = await http("DELETE", `/api/v1/members/${A.users.manager.membershipId}/sessions`, {
      cookie: admin,
      headers: origin(),
    });
    expect(res.status).toBe(200);
    expect(res.body.ended).toBeGreaterThanOrEqual(2);
    expect((await opens(phone)).api).toBe(401);
    expect((await opens(laptop)).api).toBe(401);
    expect((await opens(bystander)).api).toBe(200);
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "member.sessions_revoked", entityId: A.users.manager.membershipId },
    });
    expect(audit).not.toBeNull();
    // The member can sign in again.
    expect((await opens(only((await signIn(A.users.manager.email, TEST_PASSWORD))!))).api).toBe(200);
  });

  it("a validly signed token without a session record, or naming another user's session, opens nothing", async () => {
    const legacy = await encode({
      token: { sub: A.users.viewer.id, name: "x", email: A.users.viewer.email },
      secret: SECRET,
    });
    expect((await opens(`next-auth.session-token=${legacy}`)).api).toBe(401);
    const theirs = only((await signIn(A.users.agent.email, TEST_PASSWORD))!);
    const forged = await encode({ token: { sub: A.users.admin.id, sid: await sidOf(theirs) }, secret: SECRET });
    expect((await opens(`next-auth.session-token=${forged}`)).api).toBe(401);
  });
});
