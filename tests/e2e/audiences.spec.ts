// A manager builds an audience on the demo data: the preview counts change as criteria are added, a bad criterion
// names its field, and the saved audience is listed with its count. Agents get the 403 page.
import { expect, test, type Page } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/audiences";

async function settledCount(page: Page, testId: string): Promise<number> {
  await expect(page.getByTestId("preview-status")).toHaveText("Up to date", { timeout: 15_000 });
  return Number((await page.getByTestId(testId).innerText()).replace(/,/g, ""));
}

test("a manager builds an audience and watches the preview", async ({ page }) => {
  test.setTimeout(180_000); // two preview rounds and three pairs of screenshots on a busy machine
  await signInAs(page, "manager");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Audiences" }).click();
  await expect(page.getByRole("heading", { name: "Audiences", level: 1 })).toBeVisible();
  await expect(page.getByText("No audiences yet")).toBeVisible();

  const everyone = await settledCount(page, "preview-matched");
  expect(everyone).toBeGreaterThan(100);
  await shots(page, SHOTS, "empty");

  // A tags row with no tag: the field says what is missing, and the preview waits for a valid definition.
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await expect(page.getByText("Add at least one tag")).toBeVisible();

  await page.getByLabel("Criterion 1", { exact: true }).selectOption("attribute");
  await page.getByLabel("Attribute", { exact: true }).fill("plan");
  await page.getByLabel("Value", { exact: true }).fill("pro");
  const pro = await settledCount(page, "preview-matched");
  expect(pro).toBeGreaterThan(0);
  expect(pro).toBeLessThan(everyone);

  // Narrower: also not opted out.
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await page.getByLabel("Criterion 2", { exact: true }).selectOption("consent");
  await page.getByRole("checkbox", { name: "Opted out" }).check();
  await page.getByRole("checkbox", { name: "Exclude these" }).nth(1).check();
  const proNotOptedOut = await settledCount(page, "preview-matched");
  expect(proNotOptedOut).toBeLessThanOrEqual(pro);
  await expect(page.getByTestId("excluded-opted_out").locator("span").last()).toHaveText("0");
  const reachable = await settledCount(page, "preview-reachable");
  expect(reachable).toBeLessThanOrEqual(proNotOptedOut);
  // The sample links each customer to their page.
  await expect(page.getByRole("region", { name: "Preview" }).locator('a[href^="/customers/"]').first()).toBeVisible();

  await page.getByLabel("Name").first().fill("Pro plan, not opted out");
  await page.getByRole("button", { name: "Save audience" }).click();
  await expect(page).toHaveURL(/\/settings\/audiences\/\w+$/);
  await expect(page.getByRole("heading", { name: "Pro plan, not opted out" })).toBeVisible();
  expect(await settledCount(page, "preview-matched")).toBe(proNotOptedOut);
  await shots(page, SHOTS, "builder");

  await page.goto("/settings/audiences");
  const row = page.getByRole("row", { name: /Pro plan, not opted out/ });
  await expect(row).toContainText(proNotOptedOut.toLocaleString("en-US"));
  await shots(page, SHOTS, "list");
});

test("agents cannot open audiences", async ({ page }) => {
  await signInAs(page, "agent");
  const res = await page.goto("/settings/audiences");
  expect(res?.status()).toBe(403);
});
