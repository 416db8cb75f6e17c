// E-mails to people of the app are in the recipient's saved language (User.locale), else English — whoever
// triggers them and in whatever language that person's page is: a password-reset link, an admin's reset link,
// an invitation (to an address that already has an account, in that account's language; to a new address, in
// English), a password-changed notice. Sent through the real SMTP sink and read back as a mail client would
// (encoded subject, text and HTML parts). docs/i18n.md, "E-mails".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mailerFromUrl, type Mailer } from "@/lib/mail/transport";
import { requestPasswordReset } from "@/lib/account/reset";
import { createInvite } from "@/lib/members/service";
import { issueMemberPasswordReset } from "@/lib/members/password-reset";
import { createOrg, createUser, uid, type Org } from "../factories";
import { startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";

let A: Org;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  A = await createOrg("mail-lang");
  sink = await startSmtpSink();
  mailer = mailerFromUrl(sink.url);
});
afterAll(async () => {
  await sink?.stop();
});

async function waitForMail(to: string): Promise<Received> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = sink.messages.find((m) => m.to.includes(to));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function userSpeaking(label: string, locale: "de" | "en" | null) {
  const u = await createUser(label);
  await db.user.update({ where: { id: u.id }, data: { locale } });
  return u;
}

describe("password reset e-mail", () => {
  it("reaches a user whose saved language is German in German: subject, text and HTML part, with a working link", async () => {
    const u = await userSpeaking("reset-de", "de");
    await requestPasswordReset(u.email, { mailer });
    const m = await waitForMail(u.email);
    expect(m.subject).toBe("Setzen Sie Ihr Resonance-Passwort zurück");
    expect(m.text).toContain("Jemand (hoffentlich Sie) hat angefordert");
    expect(m.text).toContain("Der Link funktioniert einmal, eine Stunde lang.");
    expect(m.text).toMatch(/Neues Passwort wählen: https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/);
    expect(m.text).not.toContain("Reset your");
    expect(m.html).toContain('<html lang="de">');
    expect(m.html).toContain("Neues Passwort wählen</a>");
    expect(m.html).toContain("ignorieren Sie diese E-Mail");
  });

  it("reaches a user who saved English, or no language, in English, word for word as before", async () => {
    for (const locale of ["en", null] as const) {
      const u = await userSpeaking(`reset-${locale ?? "none"}`, locale);
      await requestPasswordReset(u.email, { mailer });
      const m = await waitForMail(u.email);
      expect(m.subject).toBe("Reset your Resonance password");
      expect(m.text).toContain(
        "Someone (hopefully you) asked to reset the password of the Resonance account for this address.",
      );
      expect(m.text).toMatch(/Choose a new password: https?:\/\/\S+\/reset-password\//);
      expect(m.html).toContain('<html lang="en">');
      expect(m.text).not.toMatch(/Sie|Passwort/);
    }
  });

  it("sent by an admin follows the member's language, not the admin's", async () => {
    await db.user.update({ where: { id: A.users.admin.id }, data: { locale: "en" } });
    const member = await userSpeaking("member-de", "de");
    const ms = await db.membership.create({ data: { orgId: A.orgId, userId: member.id, role: "agent" } });
    await issueMemberPasswordReset(A.ctx("admin"), ms.id, { mailer });
    const m = await waitForMail(member.email);
    expect(m.subject).toBe("Wählen Sie ein neues Resonance-Passwort");
    expect(m.text).toContain(`Administrator von ${A.name}, hat Ihnen einen Link geschickt`);
  });
});

describe("invitation e-mail", () => {
  it("to an address whose account speaks German is German, with the role in German and the days as a plural", async () => {
    const u = await userSpeaking("invite-de", "de");
    await createInvite(A.ctx("admin"), { email: u.email, role: "admin" }, { mailer });
    const m = await waitForMail(u.email);
    expect(m.subject).toMatch(/ hat Sie zu mail-lang \S+ bei Resonance eingeladen$/);
    expect(m.text).toContain("bei Resonance als Administrator beizutreten.");
    expect(m.text).toMatch(/Der Link funktioniert einmal, \d+ Tage lang\./);
    expect(m.text).toMatch(/mail-lang \S+ beitreten: https?:\/\/\S+\/invite\//);
    expect(m.html).toContain('<html lang="de">');
  });

  it("to a new address is English, whatever the inviting admin's language", async () => {
    await db.user.update({ where: { id: A.users.admin.id }, data: { locale: "de" } });
    const email = `fresh-${uid()}@test.resonance.test`;
    await createInvite(A.ctx("admin"), { email, role: "agent" }, { mailer });
    const m = await waitForMail(email);
    expect(m.subject).toMatch(/ invited you to mail-lang \S+ on Resonance$/);
    expect(m.text).toContain("on Resonance as agent.");
    expect(m.text).toMatch(/The link works once, for \d+ days\./);
    expect(m.html).toContain('<html lang="en">');
  });
});
