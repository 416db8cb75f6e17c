// Scoped access in the browser (docs/hierarchy.md, "Scoped memberships"): the demo's region manager (North) starts
// at their region, drills down to a store on the dashboard and never sees above it; the store manager (Manchester
// Arndale) sees exactly that store's figures — the same n the region manager found for it — and organization-wide
// pages refuse them; the region's league table switches to CSAT. Screenshots at 1280 and 375 px.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/scoped-access";
const STORE = /Manchester Arndale/;

test("a region manager drills down to a store; its manager sees that store's figures and nothing wider", async ({
  page,
  browser,
}) => {
  await signInAs(page, "region.manager");
  await expect(page.getByText(/unit North\b/)).toBeVisible(); // the dashboard says whose figures they are
  const byUnit = page.getByTestId("by-unit");
  await expect(byUnit.getByRole("link", { name: /North West/ })).toBeVisible();
  await expect(byUnit.getByRole("link", { name: /London|Midlands/ })).toHaveCount(0); // other regions' areas
  await expect(page.getByRole("link", { name: "↑ Up one level" })).toHaveCount(0); // nothing above their region
  await shots(page, SHOTS, "region-dashboard");

  await byUnit.getByRole("link", { name: /North West/ }).click();
  await expect(page).toHaveURL(/unitId=/);
  await page.getByTestId("by-unit").getByRole("link", { name: STORE }).click();
  await expect(page.getByText(STORE).first()).toBeVisible();
  const storeN = (await page.getByTestId("tile-nps").getByTestId("n").textContent())!.trim();
  expect(Number(storeN.replace(/\D/g, ""))).toBeGreaterThan(0);
  await shots(page, SHOTS, "region-drilled-to-store");

  // A unit outside their region is the 404 page, not another region's figures.
  await page.goto("/reports/units");
  await expect(page.getByRole("heading", { name: "Units in North", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Units above" }).getByRole("link", { name: "Organization" }),
  ).toHaveCount(0);
  // The same table for CSAT: each of their areas with its top-2-box share and its n.
  await page.getByRole("navigation", { name: "Metric compared" }).getByRole("link", { name: "CSAT" }).click();
  await expect(page).toHaveURL(/metric=csat/);
  await expect(page.getByTestId("parent-figure")).toContainText("North: CSAT");
  const area = page.getByTestId("unit-row").filter({ hasText: "North West" });
  await expect(area.getByTestId("unit-figure")).toHaveText(/^\d+\.\d%$/);
  expect(Number((await area.getByTestId("unit-n").textContent())!.replace(/\D/g, ""))).toBeGreaterThan(0);
  await shots(page, SHOTS, "region-units-csat");

  const store = await browser.newPage();
  await signInAs(store, "store.manager");
  await expect(store.getByText(/unit Manchester Arndale/)).toBeVisible();
  await expect(store.getByTestId("tile-nps").getByTestId("n")).toHaveText(storeN);
  await shots(store, SHOTS, "store-dashboard");

  // Organization-wide pages refuse the store manager and say why; the navigation does not offer them.
  await store.goto("/settings");
  await expect(store.getByRole("heading", { name: "This page is for the whole organization" })).toBeVisible();
  await expect(store.getByRole("navigation").getByRole("link", { name: "Settings" })).toHaveCount(0);
  await shots(store, SHOTS, "store-settings-refused");

  // Their customers and cases are their store's.
  await store.goto("/cases");
  await expect(store.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
  await shots(store, SHOTS, "store-cases");
  await store.close();
});
