// Account lifecycle on the real database and over real HTTP: forgot-password links (single use, one hour, only
// the hash stored, never extended), a reset ending every session on the very next request, a password change
// needing the current password and ending the other sessions, e-mail change by a link to the new address,
// invites e-mailed to the address (a local SMTP sink), and an invite page that looks the same whether or not
// the address has an account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/tokens";
import { verifyCredentials } from "@/lib/users/service";
import { mailerFromUrl, type Mailer } from "@/lib/mail/transport";
import { findPasswordReset, requestPasswordReset, resetPassword, RESET_MAILS_PER_HOUR } from "@/lib/account/reset";
import {
  changePassword,
  confirmEmailChange,
  endMySession,
  listMySessions,
  requestEmailChange,
  signOutEverywhere,
} from "@/lib/account/service";
import { acceptInvite, createInvite, registerFromInvite } from "@/lib/members/service";
import { startServer, type RunningServer } from "../server";
import { createOrg, createUser, TEST_PASSWORD, uid, type Org } from "../factories";
import { http, signIn } from "./http";
import { startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";

const NEW_PASSWORD = "a brand new passphrase 42";
let A: Org;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  A = await createOrg("account");
  sink = await startSmtpSink();
  mailer = mailerFromUrl(sink.url);
});
afterAll(async () => {
  await sink?.stop();
});

const mailTo = (to: string) => sink.messages.filter((m) => m.to.includes(to));
async function waitForMail(to: string, count = 1): Promise<Received[]> {
  const deadline = Date.now() + 15_000;
  while (mailTo(to).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return mailTo(to);
}
function linkToken(message: Received, path: string): string {
  const m = new RegExp(`https?://[^\\s"<]+/${path}/([A-Za-z0-9_-]+)`).exec(message.text ?? "");
  if (!m) throw new Error(`no ${path} link in: ${message.text}`);
  return m[1];
}
/** The id of the session a fresh sign-in just created (the newest row of the user). */
async function newestSid(userId: string): Promise<string> {
  return (
    await db.userSession.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true } })
  ).id;
}

describe("forgot password", () => {
  it("e-mails a single-use link whose token is stored only as a hash; using it sets the password and proves the address", async () => {
    const u = await createUser("reset");
    await requestPasswordReset(u.email.toUpperCase(), { mailer });
    const [message] = await waitForMail(u.email);
    expect(message.subject).toBe("Reset your Resonance password");
    const token = linkToken(message, "reset-password");
    const rows = await db.authToken.findMany({ where: { userId: u.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "password_reset", tokenHash: sha256(token), usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(60 * 60_000);

    expect(await findPasswordReset(token)).toEqual({ email: u.email });
    await expect(resetPassword(token, "short")).rejects.toMatchObject({
      status: 400,
      invalidParams: [{ name: "password" }],
    });
    expect(await findPasswordReset(token)).not.toBeNull(); // a refused password does not spend the link
    await resetPassword(token, NEW_PASSWORD);
    expect(await verifyCredentials(u.email, NEW_PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(u.email, TEST_PASSWORD)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.passwordChangedAt).not.toBeNull();

    // a second use fails, also with another password
    expect(await findPasswordReset(token)).toBeNull();
    await expect(resetPassword(token, "yet another passphrase 7")).rejects.toMatchObject({ status: 404 });
    expect(await verifyCredentials(u.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("two uses at the same moment: exactly one wins", async () => {
    const u = await createUser("reset-race");
    await requestPasswordReset(u.email, { mailer });
    const token = linkToken((await waitForMail(u.email))[0], "reset-password");
    const results = await Promise.allSettled([
      resetPassword(token, "first racer passphrase"),
      resetPassword(token, "second racer passphrase"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  });

  it("a link expires after one hour, and a newer request does not extend an older link", async () => {
    const u = await createUser("reset-expiry");
    const t0 = new Date(Date.now() - 50 * 60_000);
    await requestPasswordReset(u.email, { mailer, now: t0 });
    const older = linkToken((await waitForMail(u.email, 1))[0], "reset-password");
    await requestPasswordReset(u.email, { mailer });
    const newer = linkToken((await waitForMail(u.email, 2))[1], "reset-password");
    const olderRow = await db.authToken.findUniqueOrThrow({ where: { tokenHash: sha256(older) } });
    expect(olderRow.expiresAt.getTime()).toBe(t0.getTime() + 60 * 60_000);
    // eleven minutes later the older one has expired, the newer one still works
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await findPasswordReset(older, later)).toBeNull();
    await expect(resetPassword(older, NEW_PASSWORD, later)).rejects.toMatchObject({ status: 404 });
    expect(await findPasswordReset(newer, later)).toEqual({ email: u.email });
    // and past its hour, the newer one too
    await expect(resetPassword(newer, NEW_PASSWORD, new Date(Date.now() + 61 * 60_000))).rejects.toMatchObject({
      status: 404,
    });
    expect(await verifyCredentials(u.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("an address without an account gets nothing and leaves nothing; an address gets at most 3 links an hour", async () => {
    const before = await db.authToken.count();
    const nobody = `nobody-${uid()}@test.resonance.test`;
    await requestPasswordReset(nobody, { mailer });
    expect(await db.authToken.count()).toBe(before);
    const u = await createUser("reset-limit");
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) await requestPasswordReset(u.email, { mailer });
    expect(await db.authToken.count({ where: { userId: u.id } })).toBe(RESET_MAILS_PER_HOUR);
    expect(await waitForMail(u.email, RESET_MAILS_PER_HOUR)).toHaveLength(RESET_MAILS_PER_HOUR);
    expect(mailTo(nobody)).toHaveLength(0);
  });

  it("ends every session of the account on the very next request, and is audited", async () => {
    const u = A.users.manager;
    const one = (await signIn(u.email, TEST_PASSWORD))!;
    const two = (await signIn(u.email, TEST_PASSWORD))!;
    expect((await http("GET", "/api/v1/me", { cookie: one })).status).toBe(200);
    expect((await http("GET", "/api/v1/me", { cookie: two })).status).toBe(200);
    await requestPasswordReset(u.email, { mailer });
    const token = linkToken((await waitForMail(u.email))[0], "reset-password");
    const { sessionsEnded } = await resetPassword(token, NEW_PASSWORD);
    expect(sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await http("GET", "/api/v1/me", { cookie: one })).status).toBe(401);
    expect((await http("GET", "/api/v1/me", { cookie: two })).status).toBe(401);
    const page = await http("GET", "/account", { cookie: two });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.headers.get("location")).toContain("/login");
    const audit = await db.auditEvent.findMany({ where: { orgId: A.orgId, entityId: u.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.password_reset_requested", "user.password_reset"]),
    );
    expect(await signIn(u.email, NEW_PASSWORD)).not.toBeNull();
  });
});

describe("change password", () => {
  it("needs the current password, and ends every other session but this one", async () => {
    const u = await createUser("change");
    await db.membership.create({ data: { orgId: A.orgId, userId: u.id, role: "viewer" } });
    const mine = (await signIn(u.email, TEST_PASSWORD))!;
    const sid = await newestSid(u.id);
    const other = (await signIn(u.email, TEST_PASSWORD))!;
    await expect(
      changePassword(
        { userId: u.id, sid },
        { currentPassword: "not my password", newPassword: NEW_PASSWORD },
        { mailer },
      ),
    ).rejects.toMatchObject({
      status: 400,
      invalidParams: [{ name: "currentPassword" }],
    });
    await expect(
      changePassword({ userId: u.id, sid }, { currentPassword: TEST_PASSWORD, newPassword: "short" }, { mailer }),
    ).rejects.toMatchObject({
      invalidParams: [{ name: "newPassword" }],
    });
    expect((await http("GET", "/api/v1/me", { cookie: other })).status).toBe(200); // refused changes end nothing

    const { sessionsEnded } = await changePassword(
      { userId: u.id, sid },
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      { mailer },
    );
    expect(sessionsEnded).toBe(1);
    expect((await http("GET", "/api/v1/me", { cookie: other })).status).toBe(401);
    expect((await http("GET", "/api/v1/me", { cookie: mine })).status).toBe(200);
    expect(await verifyCredentials(u.email, NEW_PASSWORD)).not.toBeNull();
    expect((await waitForMail(u.email))[0].subject).toBe("Your Resonance password was changed");
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, entityId: u.id, action: "user.password_changed" },
    });
    expect(audit?.data).toEqual({ sessionsEnded: 1 });
  });

  it("lists the user's sessions; one can be signed out, or all of them", async () => {
    const u = await createUser("sessions");
    const first = (await signIn(u.email, TEST_PASSWORD))!;
    const firstSid = await newestSid(u.id);
    const second = (await signIn(u.email, TEST_PASSWORD))!;
    const secondSid = await newestSid(u.id);
    const me = { userId: u.id, sid: secondSid };
    const listed = await listMySessions(me);
    expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [firstSid, false],
        [secondSid, true],
      ].sort(),
    );
    // someone else's session is not found
    const stranger = await createUser("stranger");
    await expect(endMySession({ userId: stranger.id, sid: "x" }, firstSid)).rejects.toMatchObject({ status: 404 });
    await endMySession(me, firstSid);
    expect((await http("GET", "/api/v1/me", { cookie: first })).status).toBe(401);
    expect((await listMySessions(me)).map((s) => s.id)).toEqual([secondSid]);
    await signOutEverywhere(me);
    expect(await listMySessions(me)).toEqual([]);
    expect((await http("GET", "/api/auth/session", { cookie: second })).body).toEqual({});
  });
});

describe("change e-mail address", () => {
  it("sends a link to the new address; opening it changes the address, proves it and tells the old one", async () => {
    const u = await createUser("email");
    await db.membership.create({ data: { orgId: A.orgId, userId: u.id, role: "agent" } });
    const me = { userId: u.id, sid: "none" };
    const next = `moved-${uid()}@test.resonance.test`;
    await expect(
      requestEmailChange(me, { email: next, currentPassword: "wrong password" }, { mailer }),
    ).rejects.toMatchObject({ invalidParams: [{ name: "currentPassword" }] });
    await expect(
      requestEmailChange(me, { email: next, currentPassword: TEST_PASSWORD }, { mailer: null }),
    ).rejects.toMatchObject({ status: 503 });
    expect(await requestEmailChange(me, { email: next, currentPassword: TEST_PASSWORD }, { mailer })).toEqual({
      sentTo: next,
    });
    const token = linkToken((await waitForMail(next))[0], "account/confirm-email");
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).email).toBe(u.email); // nothing changes yet

    expect(await confirmEmailChange(token, { mailer })).toEqual({ email: next });
    const user = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(user.email).toBe(next);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect((await waitForMail(u.email))[0].subject).toBe("Your Resonance e-mail address was changed");
    expect(await verifyCredentials(next, TEST_PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(u.email, TEST_PASSWORD)).toBeNull();
    await expect(confirmEmailChange(token, { mailer })).rejects.toMatchObject({ status: 404 });
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, entityId: u.id, action: "user.email_changed" },
    });
    expect(audit?.data).toEqual({ from: u.email, to: next });
  });

  it("asking for an address another account uses answers the same; the link then refuses and changes nothing", async () => {
    const u = await createUser("email-taken");
    const taken = A.users.viewer.email;
    expect(
      await requestEmailChange(
        { userId: u.id, sid: "none" },
        { email: taken, currentPassword: TEST_PASSWORD },
        { mailer },
      ),
    ).toEqual({ sentTo: taken });
    const token = linkToken((await waitForMail(taken)).at(-1)!, "account/confirm-email");
    await expect(confirmEmailChange(token, { mailer })).rejects.toMatchObject({ status: 409 });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).email).toBe(u.email);
  });
});

describe("invites", () => {
  it("go to the address by e-mail when SMTP is set: the admin gets no link, and accepting proves the address", async () => {
    const email = `invitee-${uid()}@test.resonance.test`;
    const invite = await createInvite(A.ctx("admin"), { email, role: "agent" }, { mailer });
    expect(invite.sent).toBe(true);
    expect(invite).not.toHaveProperty("token");
    expect(invite).not.toHaveProperty("path");
    const [message] = await waitForMail(email);
    expect(message.subject).toMatch(/invited you to account /);
    const token = linkToken(message, "invite");
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).sentAt).not.toBeNull();
    await registerFromInvite(token, { name: "Invited Person", password: NEW_PASSWORD });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull(); // creating the account proves nothing yet…
    await acceptInvite(token, { userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull(); // …accepting the e-mailed link does
    expect(await db.membership.findFirst({ where: { orgId: A.orgId, userId: user.id } })).toMatchObject({
      role: "agent",
    });
  });

  it("a failed send withdraws the invite and says so", async () => {
    const down = mailerFromUrl("smtp://127.0.0.1:9"); // nothing listens on the discard port
    const email = `unsent-${uid()}@test.resonance.test`;
    await expect(createInvite(A.ctx("admin"), { email, role: "viewer" }, { mailer: down })).rejects.toMatchObject({
      status: 502,
    });
    expect(await db.invite.findFirst({ where: { orgId: A.orgId, email } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
  });

  it("the invite page is the same for an address with an account and one without, apart from the token and address", async () => {
    const existing = await createUser("has-account");
    const fresh = `no-account-${uid()}@test.resonance.test`;
    const forExisting = await createInvite(A.ctx("admin"), { email: existing.email, role: "viewer" }, { mailer: null });
    const forFresh = await createInvite(A.ctx("admin"), { email: fresh, role: "viewer" }, { mailer: null });
    if (forExisting.sent || forFresh.sent) throw new Error("no mailer: the links must come back");
    const page = async (token: string, email: string) => {
      const res = await http("GET", `/invite/${token}`);
      expect(res.status).toBe(200);
      const html = String(res.body);
      const nonce = /nonce="([^"]+)"/.exec(html)?.[1]; // the per-request CSP nonce
      return html
        .replaceAll(token, "TOKEN")
        .replaceAll(email, "EMAIL")
        .replaceAll(nonce ?? "NONCE", "NONCE");
    };
    const a = await page(forExisting.token, existing.email);
    const b = await page(forFresh.token, fresh);
    expect(a).toContain("Sign in to accept");
    expect(a).toContain("Create your account");
    expect(a).not.toMatch(/already an account/i);
    expect(a === b, "the two pages differ").toBe(true);
  });
});

describe("over HTTP with an SMTP server configured", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      databaseUrl: process.env.DATABASE_URL!,
      env: { SMTP_URL: sink.url, DIGEST_TICK_SECONDS: "0", PUBLIC_URL: "http://cx.example.test" },
    });
  });
  afterAll(() => server?.stop());

  it("POST /api/v1/invites e-mails the link and returns none", async () => {
    const email = `api-invitee-${uid()}@test.resonance.test`;
    const admin = (await signIn(A.users.admin.email, TEST_PASSWORD))!; // invites are for a signed-in admin, never an API key
    const res = await http("POST", `${server.url}/api/v1/invites`, {
      cookie: admin,
      headers: { origin: server.url },
      body: { email, role: "viewer" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, sent: true, status: "pending" });
    expect(res.body).not.toHaveProperty("url");
    expect(res.body).not.toHaveProperty("token");
    const [message] = await waitForMail(email);
    expect(message.text).toContain("http://cx.example.test/invite/");
  });

  it("the forgot-password page offers the form; without SMTP it says an administrator must help", async () => {
    const withMail = await http("GET", `${server.url}/forgot-password`);
    expect(withMail.body).toContain("Send me a reset link");
    const without = await http("GET", "/forgot-password");
    expect(without.body).toContain("Ask an administrator");
    expect(without.body).not.toContain("Send me a reset link");
  });
});
