// Account lifecycle in the browser, with e-mail read from a local SMTP sink: an admin invites a new address
// (the link goes out by e-mail, the admin never sees it), the invitee creates an account, signs in and joins;
// later they forget the password, someone hammers their sign-in meanwhile, and the e-mailed reset link still
// gets them in — and ends the session they had open elsewhere; last they move the account to a new address.
// Screenshots at 1280 and 375 px of the invite page, /forgot-password, the reset page, /account and the
// e-mail confirmation page go to tmp/screens/.
// This spec starts its own server (the same build and database as the suite's) with SMTP_URL pointing at the
// sink: the suite's server has no SMTP, which other specs rely on.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./helpers/test";
import type { RunningServer } from "../server";
import type { SmtpSink } from "../integration/smtp-sink";
import { startMailServer, type MailServer } from "./helpers/mail-server";
import { DEMO_PASSWORD } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screens";
let mail: MailServer;
let sink: SmtpSink;
let server: RunningServer;

test.beforeAll(async () => {
  mail = await startMailServer();
  ({ sink, server } = mail);
});
test.afterAll(async () => {
  await mail?.stop();
});

async function linkFromMail(to: string, path: string, count = 1): Promise<string> {
  await expect
    .poll(() => sink.messages.filter((m) => m.to.includes(to)).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  const message = sink.messages.filter((m) => m.to.includes(to))[count - 1];
  const url = new RegExp(`https?://[^\\s"<]+/${path}/[A-Za-z0-9_-]+`).exec(message.text ?? "")?.[0];
  if (!url) throw new Error(`no ${path} link in ${message.text}`);
  return url;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Failed sign-ins through next-auth's endpoint, as a script would send them. */
async function failSignIns(page: Page, email: string, times: number) {
  for (let i = 0; i < times; i++) {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `guess-${i}-wrong`, json: "true" },
      maxRedirects: 0,
    });
  }
}

test("invite by e-mail, join, forget the password, reset it while sign-in is throttled", async ({ browser }) => {
  test.setTimeout(180_000); // one long story across four browsers
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const password = "my first long passphrase";
  const newPassword = "a different long passphrase";

  // The admin invites the address: the link is e-mailed, not shown.
  const admin = await newPage(browser);
  await admin.goto("/login");
  await admin.getByLabel("E-mail").fill("admin@demo.resonance.test");
  await admin.getByLabel("Password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: /sign in/i }).click();
  await expect(admin).toHaveURL(/\/$/);
  await admin.goto("/settings");
  const invite = admin.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Role").selectOption("viewer");
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(admin.getByText(`Invite e-mailed to ${email}`)).toBeVisible();
  await expect(admin.locator("#invite-link")).toHaveCount(0);
  const inviteUrl = await linkFromMail(email, "invite");

  // The invitee creates the account, signs in and joins.
  const invitee = await newPage(browser);
  await invitee.goto(inviteUrl);
  await expect(invitee.getByRole("link", { name: "Sign in to accept" })).toBeVisible();
  await shots(invitee, SHOTS, "invite");
  const create = invitee.getByRole("form", { name: "Create your account" });
  await create.getByLabel("Your name").fill("Erin Example");
  await create.getByLabel("Choose a password").fill(password);
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByText("Now sign in with")).toBeVisible();
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByRole("button", { name: /sign in/i }).click();
  await invitee.getByRole("button", { name: /^Join / }).click();
  await expect(invitee).toHaveURL(/\/$/);
  await invitee.goto("/account");
  await expect(invitee.getByText("confirmed", { exact: true })).toBeVisible(); // the e-mailed invite proved the address

  // Someone else hammers the sign-in of that account.
  const attacker = await newPage(browser);
  await failSignIns(attacker, email, 11);

  // Forgot password, from another browser.
  const owner = await newPage(browser);
  await owner.goto("/login");
  await owner.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(owner.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await shots(owner, SHOTS, "forgot-password");
  await owner.getByLabel("E-mail").fill(email);
  await owner.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(owner.getByText(`If ${email} belongs to an account, we have sent a link to it.`)).toBeVisible();
  const resetUrl = await linkFromMail(email, "reset-password", 2);

  await owner.goto(resetUrl);
  await expect(owner.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // long enough for the browser, refused by the server's policy: the reason shows next to the field
  await owner.getByLabel("New password", { exact: true }).fill("password1234");
  await owner.getByRole("button", { name: "Set new password and sign in" }).click();
  await expect(owner.getByText(/^Too easy to guess/)).toBeVisible();
  await shots(owner, SHOTS, "reset-password");
  await owner.getByLabel("New password", { exact: true }).fill(newPassword);
  await owner.getByRole("button", { name: "Set new password and sign in" }).click();
  await expect(owner).toHaveURL(/\/$/);
  await expect(owner.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The link works once.
  await owner.goto(resetUrl);
  await expect(owner.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();

  // The invitee's earlier browser was signed out by the reset.
  await invitee.goto("/account");
  await expect(invitee).toHaveURL(/\/login/);

  // The account page of the browser the reset signed in.
  await owner.goto("/account");
  await expect(owner.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(owner.getByRole("list", { name: "Signed-in browsers" }).getByRole("listitem")).toHaveCount(1);
  await expect(owner.getByText("password reset link")).toBeVisible();
  await shots(owner, SHOTS, "account");

  // A new address: the link goes to it, confirming it moves the account there and tells the old address.
  const moved = `moved-${randomUUID().slice(0, 8)}@example.test`;
  const change = owner.getByRole("form", { name: "Change e-mail address" });
  await change.getByLabel("New e-mail address").fill(moved);
  await change.getByLabel("Current password").fill(newPassword);
  await change.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(owner.getByText(`We sent a link to ${moved}`)).toBeVisible();
  const confirmUrl = await linkFromMail(moved, "account/confirm-email");
  await owner.goto(confirmUrl);
  await expect(owner.getByRole("heading", { name: "Confirm your new e-mail address" })).toBeVisible();
  await shots(owner, SHOTS, "confirm-email");
  await owner.getByRole("button", { name: "Confirm this address" }).click();
  await expect(owner.getByText("Done: sign in with your new address from now on.")).toBeVisible();
  await expect
    .poll(() =>
      sink.messages.some((m) => m.to.includes(email) && m.subject === "Your Resonance e-mail address was changed"),
    )
    .toBe(true);
  await owner.goto("/account");
  await expect(owner.getByRole("region", { name: "E-mail address" })).toContainText(`You sign in with ${moved}`);
});
