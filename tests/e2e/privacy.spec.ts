// An admin handles a customer's privacy request end to end: records the opt-out (the consent history grows),
// downloads the customer's data as JSON, erases the customer (a wrong confirmation is refused next to the
// field), and finds the erasure in the audit log filtered by action. The customer is made for this run, so
// the demo data other specs rely on is untouched. Screenshots at 1280 and 375 px go to tmp/shots-privacy/.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-privacy";

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an admin exports, then erases a customer and finds the erasure in the audit log", async ({ page }) => {
  await signInAs(page, "admin");
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `Erin Privacy ${tag}`;
  const created = await page.request.post("/api/v1/customers", { data: { name, email: `erin.${tag}@example.test`, externalId: `E2E-${tag}`, consent: true, attributes: { plan: "pro" } } });
  expect(created.status()).toBe(201);
  const customerId = (await created.json()).id as string;
  const logged = await page.request.post("/api/v1/interactions", { data: { customerId, outcome: "resolved", note: `Erin asked what we store about ${name}` } });
  expect(logged.status()).toBe(201);

  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const privacy = page.locator("#privacy");
  const history = privacy.getByRole("region", { name: "Consent history" }).locator("tbody tr");
  await expect(history).toHaveCount(1);

  // the customer opts out: recorded with source and who
  const consent = privacy.getByRole("form", { name: "Consent to surveys" });
  await expect(async () => {
    await consent.getByLabel("Opted out").check();
    await consent.getByRole("button", { name: "Save consent" }).click();
    await expect(consent.getByText("Consent saved and added to the history.")).toBeVisible({ timeout: 2_000 });
  }).toPass(); // the first click may land before hydration
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("Declined");
  await expect(history.first()).toContainText("In the app");
  await expect(history.first()).toContainText("Morgan Reyes");

  // Download data (JSON)
  const [download] = await Promise.all([page.waitForEvent("download"), privacy.getByRole("link", { name: "Download data (JSON)" }).click()]);
  const doc = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(doc.customer).toMatchObject({ id: customerId, name, consent: false, attributes: { plan: "pro" } });
  expect(doc.interactions[0].note).toBe(`Erin asked what we store about ${name}`);
  expect(doc.consentHistory).toHaveLength(2);

  await page.setViewportSize({ width: 1280, height: 900 });
  await privacy.screenshot({ path: `${SHOTS}/customer-privacy-1280.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await privacy.getByText("Erase this customer…").click();
  await privacy.screenshot({ path: `${SHOTS}/customer-privacy-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // erase: a wrong confirmation is named next to the field and changes nothing; the name confirms
  const erase = privacy.getByRole("form", { name: "Erase customer" });
  const confirm = erase.getByLabel(/to confirm/);
  await confirm.fill("Erin");
  await erase.getByRole("button", { name: "Erase customer" }).click();
  await expect(erase.getByText("Type the customer's name or ERASE to confirm")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await confirm.fill(name);
  await erase.getByRole("button", { name: "Erase customer" }).click();
  await expect(privacy.getByText(/Erased: 0 response\(s\) anonymised, 1 interaction note\(s\)/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Erased customer" })).toBeVisible();
  await expect(privacy.getByText(/Erased on .*cannot be undone/)).toBeVisible();
  await expect(page.getByText(`Erin asked what we store`)).toHaveCount(0);
  await expect(privacy.getByRole("link", { name: "Download data (JSON)" })).toHaveCount(0);

  // the audit log, filtered by action
  await page.goto("/settings");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("customer.erased");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=customer\.erased/);
  const entries = page.getByTestId("audit-entry");
  await expect(entries.first()).toContainText("customer.erased");
  await expect(entries.first()).toContainText(customerId);
  await expect(entries.first()).toContainText("Morgan Reyes");
  await expect(entries.first()).not.toContainText(name);
  for (const text of await entries.allInnerTexts()) expect(text).toContain("customer.erased");

  await page.screenshot({ path: `${SHOTS}/audit-log-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/audit-log-375.png`, fullPage: true });

  // the settings page's retention section, at both widths
  await page.goto("/settings#retention");
  await expect(page.getByTestId("retention-preview")).toBeVisible();
  await noSidewaysScroll(page);
  await page.locator("#retention").screenshot({ path: `${SHOTS}/retention-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator("#retention").screenshot({ path: `${SHOTS}/retention-1280.png` });
});
