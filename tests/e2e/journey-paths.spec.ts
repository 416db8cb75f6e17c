// A CX manager opens the Support journey's paths from its map: the step chart and the tables are there, the
// first top path's count is the API's, the chart's nodes are reachable with the keyboard, and at 375 px the
// chart scrolls inside its own region while the page does not. Screenshots go to tmp/shots-paths/.
import { expect, test, type Page } from "@playwright/test";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";
import { signInAs } from "./helpers/sign-in";

const signIn = (page: Page) => signInAs(page, "manager");

test("the Support journey's paths: chart, tables and the API agree", async ({ page }) => {
  await signIn(page);
  await page.goto("/journeys");
  await page.getByRole("link", { name: /^Support/ }).click();
  await page.getByRole("navigation", { name: "Journey views" }).getByRole("link", { name: "Paths" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support: paths" })).toBeVisible();
  const journeyId = page.url().match(/journeys\/([^/]+)\/paths/)![1];

  const chart = page.getByRole("region", { name: /Paths chart/ });
  await expect(chart.locator("svg rect").first()).toBeVisible();
  const firstCount = page.getByTestId("top-path-customers").first();
  await expect(firstCount).toBeVisible();
  await page.getByText(/^Per step: customers, continued and left \(\d+ rows\)/).click();
  await expect(page.getByRole("region", { name: "Customers per step" })).toBeVisible();

  const started = Date.now();
  const api = await page.request.get(`/api/v1/journeys/${journeyId}/paths`);
  console.log(`GET /api/v1/journeys/:id/paths on demo data: ${Date.now() - started} ms`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.customers).toBeGreaterThan(0);
  expect(Number((await firstCount.textContent())!.replace(/\D/g, ""))).toBe(body.paths[0].customers);

  // keyboard: a node says its counts when focused
  await chart.locator("g[tabindex='0']").last().focus();
  await expect(page.getByTestId("paths-detail")).toContainText(/customers, \d+ continued, \d+ left/);

  // the CSV link keeps the filters and asks for CSV
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /format=csv/);

  // filters go into the URL and are kept by the steps links
  await page.getByLabel("Period").selectOption("12m");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/preset=12m/);
  await page.getByRole("navigation", { name: "Steps per path" }).getByRole("link", { name: "3", exact: true }).click();
  await expect(page).toHaveURL(/preset=12m.*steps=3|steps=3.*preset=12m/);
  await expect(chart.getByText("Step 3", { exact: true })).toBeVisible();
  await expect(chart.getByText("Step 4", { exact: true })).toHaveCount(0);

  await page.goto(`/journeys/${journeyId}/paths`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "tmp/shots-paths/journey-paths-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/shots-paths/journey-paths-375.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectCardsOnPhoneTableOnDesktop(page, "Top paths", ["Path", "Customers", "Share"]);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("region", { name: "Top paths" }).screenshot({ path: "tmp/shots-paths/top-paths-375.png" });
});

test("a period with no interactions says what to do", async ({ page }) => {
  await signIn(page);
  await page.goto("/journeys");
  await page.getByRole("link", { name: /^Support/ }).click();
  await expect(page).toHaveURL(/journeys\/[^/?]+/);
  const id = page.url().match(/journeys\/([^/?]+)/)![1];
  await page.goto(`/journeys/${id}/paths?from=2001-01-01&to=2001-01-31`);
  await expect(page.getByRole("heading", { name: "No customer paths in this period" })).toBeVisible();
  await expect(page.getByText(/Pick a longer period/)).toBeVisible();
});
