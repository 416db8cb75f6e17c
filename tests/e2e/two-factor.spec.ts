// Two-factor authentication in the browser: a member turns it on from the sidebar link (QR code, the
// manual setup key read from the page, a code computed here with otplib as the phone would), sees the
// recovery codes once, signs out, and signs in again with password + code. An admin who has not turned it
// on is told to do so before requiring it for everyone. Screenshots at 1280 and 375 px in tmp/screens/.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page, e2eDatabaseUrl } from "./helpers/test";
import { generateSync } from "otplib";

const root = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "resonance-demo";

function newMember(...args: string[]): string {
  const out = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/helpers/two-factor-user.ts", ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    },
  );
  return (JSON.parse(String(out)) as { email: string }).email;
}

/** The code an authenticator app shows `offsetSeconds` from now. */
const codeFor = (secret: string, offsetSeconds = 0) =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function screens(page: Page, name: string) {
  await page.screenshot({ path: `tmp/screens/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `tmp/screens/${name}-375.png`, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("turn on two-factor, sign out, sign in with password and code", async ({ page }) => {
  const email = newMember();
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole("link", { name: "Two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replaceAll(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screens(page, "two-factor-enrol");

  // A wrong code is refused next to the field, and nothing is switched on.
  // Turning it on needs the password too: a stolen session alone cannot put its own app on the account.
  await page.getByLabel("Your current password").fill(PASSWORD);
  const code = page.getByLabel("6-digit code from the app");
  await code.fill(codeFor(secret, -300));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await expect(code).toHaveAttribute("aria-invalid", "true");

  await code.fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByText("Two-factor authentication is on.", { exact: false })).toBeVisible();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  await screens(page, "two-factor-recovery-codes");
  await page.getByRole("link", { name: /I have saved my recovery codes/ }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // The password alone is not enough: the form asks for the code.
  await passwordStep(page, email);
  const codeField = page.getByLabel("Two-factor code");
  await expect(codeField).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await codeField.fill(codeFor(secret, -600));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await screens(page, "two-factor-sign-in");
  // The enrolment's code is spent; the app's next code (within the server's one-step tolerance) is not.
  await codeField.fill(codeFor(secret, 30));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/account/two-factor");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10 recovery codes unused.");
  await screens(page, "two-factor-manage");
});

test("an organization that requires two-factor sends a member without it to enrol first", async ({ page }) => {
  const email = newMember("--required");
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/account\/two-factor\?required=1$/);
  await expect(page.getByText(/Fjord Bank \w+ requires two-factor authentication for every member/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Resonance" })).toHaveCount(0);
  // Its API refuses this session too, with a problem+json that says why.
  const api = await page.request.get("/api/v1/customers");
  expect(api.status()).toBe(403);
  expect((await api.json()).detail).toMatch(/requires two-factor authentication/);
  await screens(page, "two-factor-required");

  const secret = (await page.getByTestId("totp-secret").innerText()).replaceAll(/\s/g, "");
  await page.getByLabel("6-digit code from the app").fill(codeFor(secret));
  await page.getByLabel("Your current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  await page.getByRole("link", { name: /I have saved my recovery codes/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await page.request.get("/api/v1/customers")).status()).toBe(200);
});

test("an admin without two-factor cannot require it for everyone yet", async ({ page }) => {
  await passwordStep(page, "admin@demo.resonance.test");
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/settings#two-factor-policy");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(section.getByTestId("two-factor-policy")).toContainText("Optional.");
  await section.getByRole("button", { name: "Require two-factor for everyone" }).click();
  await expect(section.getByText(/Turn on two-factor authentication for your own account first/)).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tmp/screens/two-factor-policy-desktop.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tmp/screens/two-factor-policy-375.png" });
});
