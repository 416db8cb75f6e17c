// A CX manager signs in, sees the headline numbers for the last 90 days, and signs out.
import { expect, test, type Page } from "./helpers/test";

const ADMIN = { email: "admin@demo.resonance.test", password: "resonance-demo" };

async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
}

test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a message next to the form", async ({ page }) => {
  await signIn(page, ADMIN.email, "not-the-password");
  await expect(page.getByText(/wrong e-mail or password/i)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("sign in, see the dashboard numbers, sign out", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);

  // The numbers on the tiles are the ones the API computes in the database for the same 90 days.
  const api = await page.request.get("/api/v1/metrics/headline?days=90");
  expect(api.ok()).toBeTruthy();
  const headline = await api.json();
  for (const metric of ["nps", "csat", "ces"] as const) {
    const tile = page.getByTestId(`tile-${metric}`);
    await expect(tile).toBeVisible();
    expect(headline[metric].n).toBeGreaterThan(30);
    await expect(tile.getByTestId("n")).toHaveText(String(headline[metric].n));
  }
  await expect(page.getByTestId("tile-nps")).toContainText(String(Math.round(headline.nps.nps)));

  await page.screenshot({ path: "tmp/screens/dashboard-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/dashboard-375.png", fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});

test("the navigation works with the keyboard", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /skip to content/i })).toBeFocused();
  const customers = page.getByRole("link", { name: "Customers", exact: true }).first();
  await customers.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/customers/);
  await expect(page.getByRole("heading", { level: 1, name: /customers/i })).toBeVisible();
});
