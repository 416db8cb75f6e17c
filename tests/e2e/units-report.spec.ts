// Units in the reports and in settings (docs/hierarchy.md): a manager opens Reports → Units compared, sees the demo's
// regions against the organization with interval and n, drills into a region (its areas) and back by the breadcrumb;
// an admin attributes history under Settings → Units and follows it to the end. Screenshots at 1280 and 375 px.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/units-report";

test("a manager compares the regions and drills into one", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/reports");
  await page.getByRole("link", { name: "Open the unit comparison" }).click();
  await expect(page.getByRole("heading", { name: "Units compared", level: 1 })).toBeVisible();
  const rows = page.getByTestId("unit-row");
  await expect(rows.filter({ hasText: "North" })).toHaveCount(1);
  await expect(page.getByTestId("parent-figure")).toContainText("NPS");
  await shots(page, SHOTS, "organization");
  await rows.filter({ hasText: "North" }).getByRole("link", { name: "North" }).click();
  await expect(page.getByRole("heading", { name: "Units in North", level: 1 })).toBeVisible();
  await expect(rows.filter({ hasText: "North West" })).toHaveCount(1);
  // the filters keep the unit drilled into
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "Units in North", level: 1 })).toBeVisible();
  await shots(page, SHOTS, "north");
  await page.getByRole("navigation", { name: "Units above" }).getByRole("link", { name: "Organization" }).click();
  await expect(page.getByRole("heading", { name: "Units compared", level: 1 })).toBeVisible();
});

test("an admin attributes history to units and sees what each rule placed", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/units");
  const section = page.getByRole("region", { name: "Attribute history" });
  await section.getByRole("button", { name: /Attribute history/ }).click();
  // The job runs in the server's background worker; the panel follows it to its end.
  await expect(section.getByTestId("backfill-done")).toBeVisible({ timeout: 60_000 });
  await expect(section.getByTestId("backfill-done")).toContainText("attributed");
  await shots(page, SHOTS, "backfill-done");
});
