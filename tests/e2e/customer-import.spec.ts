// A manager imports a small CSV with one bad row: preview, column mapping, "skip bad rows", progress, summary
// listing the bad row; the imported customer is then found with the quick search.
import { expect, test } from "./helpers/test";
import { pressSearchShortcut } from "./helpers/customer-search";

const tag = Date.now().toString(36).slice(-5);
const csv = [
  "Nr,Full name,Mail,Segment,Region",
  `IMP-${tag}-1,Xyzzy Quark,xyzzy.${tag}@example.test,vip,north`,
  `IMP-${tag}-2,Yara Import,not-an-email,,south`,
  `IMP-${tag}-3,Wendel Import,wendel.${tag}@example.test,b2b;vip,east`,
].join("\n");

test("manager imports customers, skipping the bad row, and finds one with the quick search", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("manager@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/customers");
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import customers" })).toBeVisible();

  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByRole("region", { name: "File preview" });
  await expect(preview.getByRole("cell", { name: "Xyzzy Quark" })).toBeVisible();
  await expect(page.getByText("3 data rows in customers.csv")).toBeVisible();

  // "Nr" is not a known header: map it to External id by hand; Region stays an attribute.
  await page.getByLabel("Nr", { exact: true }).selectOption("externalId");
  await expect(page.getByLabel("Full name", { exact: true })).toHaveValue("name");
  await page.getByLabel("Segment", { exact: true }).selectOption("tags");
  await page.getByRole("radio", { name: "Skip bad rows" }).check();
  await page.getByRole("radio", { name: "Keep the existing customer" }).check();

  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "tmp/screens/customer-import-mapping-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "tmp/screens/customer-import-mapping-1280.png", fullPage: true });

  // Hold the request briefly so the progress bar is observable on a 3-row file.
  await page.route("**/api/v1/imports/customers?**", async (route) => {
    await new Promise((r) => setTimeout(r, 1_000));
    await route.continue();
  });
  await page.getByRole("button", { name: /^Import 3 rows$/ }).click();
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", /\d+/);
  await page.screenshot({ path: "tmp/screens/customer-import-progress-1280.png" });

  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByText("2 customer(s) added, 0 updated, 0 skipped, 1 row(s) not imported.")).toBeVisible();
  const problems = page.getByRole("region", { name: "Rows with problems" });
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("email");
  await expect(problems.getByRole("row").nth(1)).toContainText("Not a valid e-mail address");
  await page.screenshot({ path: "tmp/screens/customer-import-summary-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "tmp/screens/customer-import-summary-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.locator("body").click();
  await pressSearchShortcut(page);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await expect(box).toBeFocused();
  await box.pressSequentially("xy");
  const option = page.getByRole("option", { name: /Xyzzy Quark/ }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page.getByRole("heading", { level: 1, name: "Xyzzy Quark" })).toBeVisible();
});

test("an agent sees a polite message instead of the import", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/customers");
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await page.goto("/customers/import");
  await expect(page.getByRole("heading", { name: "Importing needs the manager role" })).toBeVisible();
  await expect(page.getByLabel("CSV file", { exact: true })).toHaveCount(0);
});
