// Single sign-on end to end in the browser, against a real OpenID provider on loopback (tests/oidc-provider.ts):
// an admin of a fresh organization sets up the connection in Settings → Single sign-on, signs out, and a new
// colleague signs in through the provider's page and lands in the app as a member with the default role.
import { expect, test } from "./helpers/test";
import { dnsPort, oidcPort } from "../../playwright.config";
import { startOidcProvider, type TestProvider } from "../oidc-provider";
import { startDnsServer, type TestDns } from "../dns-server";
import { signInAs } from "./helpers/sign-in";

let idp: TestProvider;
let dns: TestDns;
const suffix = Date.now().toString(36);
const domain = `acme-${suffix}.test`;

test.beforeAll(async ({ baseURL }) => {
  idp = await startOidcProvider({ port: oidcPort, redirectUris: [`${baseURL}/api/auth/sso/callback`] });
  dns = await startDnsServer(dnsPort);
});
test.afterAll(async () => {
  await idp?.stop();
  await dns?.stop();
});

test("an admin sets up single sign-on; a colleague signs in through the provider and lands in the app", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByLabel("Organization name").fill(`Acme ${suffix}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Set up single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Redirect URI")).toHaveValue(/\/api\/auth\/sso\/callback$/);

  // A private address is refused with a reason next to the field.
  const form = page.getByRole("form", { name: "Single sign-on connection" });
  await form.getByLabel("Issuer URL").fill("https://169.254.169.254/latest");
  await form.getByLabel("Client ID").fill(idp.clientId);
  await form.getByLabel("Client secret").fill(idp.clientSecret);
  await form.getByLabel("Allowed e-mail domains").fill(domain);
  await form.getByLabel("Role of new members").selectOption("agent");
  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(page.locator("#sso-issuer-error")).toContainText("loopback, private or link-local");
  await expect(form.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Issuer URL").fill(idp.issuer);
  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Saved. The issuer answered")).toBeVisible();
  await page.reload();
  await expect(page.getByText("0 people have signed in through this connection.")).toBeVisible();
  await expect(page.getByLabel("Client secret")).toHaveValue("");

  // The domain signs in nobody until the TXT record shown proves it; "Check DNS" says what is missing.
  const domains = page.getByRole("list", { name: "Allowed domains" });
  await expect(domains.getByText("Not verified: signs in nobody yet")).toBeVisible();
  await expect(domains.getByLabel("Name")).toHaveValue(`_resonance-challenge.${domain}`);
  const value = await domains.getByLabel("Value").inputValue();
  expect(value).toMatch(/^resonance-domain-verification=/);
  await domains.getByRole("button", { name: "Check DNS" }).click();
  await expect(domains.getByRole("alert")).toContainText(`No TXT record “${value}” at _resonance-challenge.${domain}`);
  await page.screenshot({ path: "tmp/screens/sso-settings-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/sso-settings-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  dns.setTxt(`_resonance-challenge.${domain}`, [value]);
  await domains.getByRole("button", { name: "Check DNS" }).click();
  await expect(domains.getByText("Verified by DNS")).toBeVisible();
  await page.screenshot({ path: "tmp/screens/sso-domain-verified-1280.png", fullPage: true });

  // Sign out, then sign in as a new colleague through the provider.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/sso-password-login-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  await expect(page).toHaveURL(/\/login\/sso/);
  await page.screenshot({ path: "tmp/screens/sso-login-1280.png", fullPage: true });

  // An address outside every connection: the error sits under the field.
  await page.getByLabel("Work e-mail").fill(`someone@nowhere-${suffix}.test`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#sso-email-error")).toContainText("not set up for this e-mail domain");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/sso-login-error-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  const colleague = `new.hire@${domain}`;
  await page.getByLabel("Work e-mail").fill(colleague);
  await page.getByRole("button", { name: "Continue" }).click();
  // The provider's own (development) login page.
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(colleague);
  await page.locator('input[name="password"]').fill("any password");
  await page.screenshot({ path: "tmp/screens/sso-provider-page-1280.png" });
  await page.getByRole("button", { name: "Sign-in" }).click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole("navigation").first()).toBeVisible();
  await page.screenshot({ path: "tmp/screens/sso-landed-1280.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/sso-landed-375.png" });

  // The colleague is an agent of the new organization (just in time) and nothing more.
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  const body = await me.json();
  expect(JSON.stringify(body)).toContain(colleague);
  expect(JSON.stringify(body)).toContain("agent");
});
