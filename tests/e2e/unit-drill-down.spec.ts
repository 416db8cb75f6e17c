// The dashboard's drill-down for a region manager (docs/hierarchy.md, "Metrics and reports"): their dashboard counts
// their region only, the "By unit" card lists its areas with NPS, margin and n, an area opens its own dashboard with
// its stores, and "Up one level" goes back to the region, never above it. The unit picker offers their units only.
import { expect, test } from "./helpers/test";
import { DEMO_PASSWORD } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

test("a region manager drills down from the region to an area and back", async ({ page }, info) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("region.manager@demo.resonance.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);

  const byUnit = page.getByRole("region", { name: "By unit" });
  await expect(byUnit).toContainText("NPS of the units in North");
  await expect(byUnit.getByRole("link", { name: /North West/ })).toBeVisible();
  await expect(byUnit).not.toContainText("Up one level");
  // The picker: the region and what is below it, nothing of the other regions or the contact centre.
  const picker = page.getByLabel("Unit");
  await expect(picker.locator("option").first()).toHaveText(/All of North/);
  await expect(picker.locator("option", { hasText: "(CC)" })).toHaveCount(0);
  await shots(page, info.outputDir, "dashboard-region");

  await byUnit.getByRole("link", { name: /North West/ }).click();
  await expect(page).toHaveURL(/unitId=/);
  await expect(byUnit).toContainText("NPS of the units in North West");
  await expect(byUnit.getByRole("link", { name: /Manchester Arndale/ })).toBeVisible();
  await shots(page, info.outputDir, "dashboard-area");

  await byUnit.getByRole("link", { name: "↑ Up one level" }).click();
  await expect(byUnit).toContainText("NPS of the units in North");
  await expect(byUnit).not.toContainText("Up one level");
});
