// An admin helps a member who forgot their password (lib/members/password-reset.ts): by e-mail when SMTP is set
// (the link proves the address), else a one-time link the admin passes on (it proves nothing). Only for an
// account that opens this organization alone, never one's own, never where SSO is required. Real SMTP sink, real
// HTTP sign-in against the production server, both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/tokens";
import { mailerFromUrl, type Mailer } from "@/lib/mail/transport";
import { resetPassword } from "@/lib/account/reset";
import { issueMemberPasswordReset } from "@/lib/members/password-reset";
import { createOrg, createUser, TEST_PASSWORD, type Org } from "../factories";
import { http, signIn } from "./http";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

const NEW_PASSWORD = "another fresh passphrase 77";
let A: Org;
let B: Org;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  [A, B] = [await createOrg("reset-a"), await createOrg("reset-b")];
  sink = await startSmtpSink();
  mailer = mailerFromUrl(sink.url);
});
afterAll(async () => {
  await sink?.stop();
});

/** A member of A only, with a password and a signed-in session. */
async function memberOfA() {
  const u = await createUser("forgetful");
  const m = await db.membership.create({ data: { orgId: A.orgId, userId: u.id, role: "agent" } });
  const cookie = (await signIn(u.email, TEST_PASSWORD))!;
  expect((await http("GET", "/api/v1/me", { cookie })).status).toBe(200);
  return { ...u, membershipId: m.id, cookie };
}

describe("an admin resets a member's password", () => {
  it("without SMTP: a one-hour, single-use link for the admin to pass on; using it ends the member's sessions but proves no address", async () => {
    const u = await memberOfA();
    const reset = await issueMemberPasswordReset(A.ctx("admin"), u.membershipId, { mailer: null });
    if (reset.sent) throw new Error("expected a link");
    expect(reset.email).toBe(u.email);
    const token = reset.path.replace("/reset-password/", "");
    const [row] = await db.authToken.findMany({ where: { userId: u.id } });
    expect(row).toMatchObject({ kind: "password_reset_by_admin", tokenHash: sha256(token), usedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60_000);
    // The reset page opens for it, over HTTP.
    const page = await http("GET", reset.path);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain(u.email);

    await resetPassword(token, NEW_PASSWORD);
    expect((await http("GET", "/api/v1/me", { cookie: u.cookie })).status).toBe(401); // the old session ended
    expect(await signIn(u.email, NEW_PASSWORD)).toBeTruthy();
    expect(await signIn(u.email, TEST_PASSWORD)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).emailVerifiedAt).toBeNull(); // the admin held the link
    await expect(resetPassword(token, "yet another passphrase 5")).rejects.toMatchObject({ status: 404 }); // once only
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: A.orgId, action: "member.password_reset_link", entityId: u.membershipId },
    });
    expect(audit).toMatchObject({ actorId: A.users.admin.id, data: expect.objectContaining({ delivered: "copied" }) });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("with SMTP: the link is e-mailed to the member (the admin never sees it) and using it proves the address", async () => {
    const u = await memberOfA();
    const reset = await issueMemberPasswordReset(A.ctx("admin"), u.membershipId, { mailer });
    expect(reset).toEqual({ sent: true, email: u.email });
    await expect.poll(() => sink.messages.filter((m) => m.to.includes(u.email)).length, { timeout: 10_000 }).toBe(1);
    const message = sink.messages.find((m) => m.to.includes(u.email))!;
    expect(message.subject).toBe("Choose a new Resonance password");
    expect(message.text).toContain(A.name);
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(message.text ?? "")![1];
    await resetPassword(token, NEW_PASSWORD);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).emailVerifiedAt).not.toBeNull();
    expect(await signIn(u.email, NEW_PASSWORD)).toBeTruthy();
  });

  it("refuses an account that also opens another organization, the admin's own account, another organization's member and non-admins; no link is made", async () => {
    const shared = await memberOfA();
    await db.membership.create({ data: { orgId: B.orgId, userId: shared.id, role: "viewer" } });
    await expect(issueMemberPasswordReset(A.ctx("admin"), shared.membershipId, { mailer: null })).rejects.toMatchObject(
      { status: 409, message: expect.stringMatching(/also opens other organizations/) },
    );
    await expect(
      issueMemberPasswordReset(A.ctx("admin"), A.users.admin.membershipId, { mailer: null }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      issueMemberPasswordReset(A.ctx("admin"), B.users.viewer.membershipId, { mailer: null }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      issueMemberPasswordReset(A.ctx("manager"), A.users.viewer.membershipId, { mailer: null }),
    ).rejects.toMatchObject({ status: 403 });
    const users = [shared.id, A.users.admin.id, B.users.viewer.id, A.users.viewer.id];
    expect(await db.authToken.count({ where: { userId: { in: users } } })).toBe(0);
    expect(await signIn(shared.email, TEST_PASSWORD)).toBeTruthy(); // nothing changed for them
  });

  it("refuses where the organization requires single sign-on (a password would open nothing)", async () => {
    const C = await createOrg("reset-c");
    await db.ssoConnection.create({
      data: {
        orgId: C.orgId,
        issuer: "https://idp.example.test",
        clientId: "x",
        clientSecretEnc: "v1:unused",
        allowedDomains: ["example.test"],
        enabled: true,
        ssoRequired: true,
      },
    });
    await expect(
      issueMemberPasswordReset(C.ctx("admin"), C.users.viewer.membershipId, { mailer: null }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/requires single sign-on/) });
    expect(await db.authToken.count({ where: { userId: C.users.viewer.id } })).toBe(0);
  });
});
