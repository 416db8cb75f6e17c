// A manager imports a small interactions CSV through the wizard (kind chosen from the Interactions page):
// preview, mapping suggested from the header, one bad row reported, progress, summary; the imported
// interaction is then on the customer's timeline. Screenshots at 1280 and 375 px.
import { expect, test } from "./helpers/test";
import { pressSearchShortcut } from "./helpers/customer-search";

const tag = Date.now().toString(36).slice(-5);
// Within the last hours, so they are on the first page of the timeline (newest first).
const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
// The file names one customer twice, by external id and by e-mail; the customer is made for this run (the
// demo's customers change with the date the demo is built on).
const person = { name: `Imported Person ${tag}`, externalId: `E2E-IMP-${tag}`, email: `imported.${tag}@example.test` };
const csv = [
  "customer,touchpoint,occurredAt,outcome,emotion,note,clientId",
  `${person.externalId},Onboarding / Discover / Coverage checker,${ago(2)},resolved,Delighted,Imported note ${tag},e2e-${tag}-1`,
  `C-NOPE,,2025-02-03T10:15:00Z,resolved,,,e2e-${tag}-2`,
  `${person.email},,${ago(1)},follow_up,-1,Second imported ${tag},e2e-${tag}-3`,
].join("\n");

test("manager imports interactions, skipping the bad row, and sees them on the customer's timeline", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("manager@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await page.request.post("/api/v1/customers", { data: person })).status()).toBe(201);

  await page.goto("/interactions");
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import interactions" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Interactions/ })).toBeChecked();

  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "interactions.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("3 data rows in interactions.csv")).toBeVisible();
  await expect(page.getByLabel("customer", { exact: true })).toHaveValue("customer");
  await expect(page.getByLabel("occurredAt", { exact: true })).toHaveValue("occurredAt");
  await expect(page.getByLabel("clientId", { exact: true })).toHaveValue("clientId");
  await expect(page.getByRole("radio", { name: "Keep the existing customer" })).toHaveCount(0);
  await page.getByRole("radio", { name: "Skip bad rows" }).check();
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "tmp/shots-history/interaction-import-mapping-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "tmp/shots-history/interaction-import-mapping-1280.png", fullPage: true });

  await page.getByRole("button", { name: /^Import 3 rows$/ }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByText("2 interaction(s) added, 0 updated, 0 skipped, 1 row(s) not imported.")).toBeVisible();
  const problems = page.getByRole("region", { name: "Rows with problems" });
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("customer");
  await expect(problems.getByRole("row").nth(1)).toContainText("No customer");
  await page.screenshot({ path: "tmp/shots-history/interaction-import-summary-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "tmp/shots-history/interaction-import-summary-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.locator("body").click();
  await pressSearchShortcut(page);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.pressSequentially(person.externalId);
  await page
    .getByRole("option", { name: new RegExp(person.name) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByText(`Imported note ${tag}`)).toBeVisible();
  await expect(page.getByText(`Second imported ${tag}`)).toBeVisible();
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "tmp/shots-history/interaction-import-timeline-375.png", fullPage: true });
});
