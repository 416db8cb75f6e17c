// The SERVQUAL heatmap on the experience-gap report, on the demo data: five dimension columns, one row per
// surveyed touchpoint, the demo's clear shortfall (responsiveness at "Phone support call back") red with its n,
// the same figures as the API, the table alternative, the CSV; readable at 375 px.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

test("the gaps report shows the SERVQUAL heatmap with the demo's responsiveness shortfall at the call back", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "viewer");
  await page.goto("/reports/gaps");
  const section = page.getByRole("region", { name: "SERVQUAL gaps by touchpoint and dimension" });
  await expect(page.getByRole("heading", { name: "SERVQUAL gaps" })).toBeVisible();
  for (const d of ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"])
    await expect(section.getByRole("columnheader", { name: d })).toBeVisible();

  const api = await (await page.request.get("/api/v1/reports/servqual")).json();
  const row = (
    api.rows as {
      touchpoint: { name: string };
      cells: { dimension: string; status: string; gap: { mean: number; n: number } }[];
    }[]
  ).find((r) => r.touchpoint.name === "Phone support call back")!;
  const short = row.cells.find((c) => c.dimension === "responsiveness")!;
  expect(short.status).toBe("shortfall");
  expect(short.gap.mean).toBeLessThan(-1.25);
  const cell = section
    .getByRole("row", { name: /Phone support call back/ })
    .locator('td[data-dimension="responsiveness"]');
  await expect(cell).toHaveAttribute("data-status", "shortfall");
  await expect(cell).toContainText(short.gap.mean.toFixed(2).replace("-", "−"));
  await expect(cell).toContainText(`n ${short.gap.n}`);
  await expect(cell).toContainText("sig.");
  expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(178, 24, 43)"); // the strongest red
  // The heatmap sits below the long gap table: a link at the top leads to it.
  await page.getByRole("link", { name: /Jump to the SERVQUAL gaps/ }).click();
  await expect(page).toHaveURL(/#servqual-heading$/);
  await expect(page.getByTestId("servqual-legend")).toBeInViewport();
  await page.screenshot({ path: "tmp/shots-servqual/servqual-1280.png" });

  // The table alternative carries the interval of every cell.
  await page.getByText("Show the SERVQUAL figures as a table").click();
  const table = page.getByRole("region", { name: "SERVQUAL figures" });
  await expect(table.getByRole("row", { name: /Phone support call back Responsiveness/ })).toContainText(
    "significant shortfall",
  );

  // A short period: too few pairs, hatched and never significant.
  await page.goto("/reports/gaps?preset=7d");
  await expect(page.locator('td[data-status="shortfall"]')).toHaveCount(0);
  await expect(page.locator('td[data-status="too_few"]').first()).toContainText("too few");

  const csv = await page.request.get("/api/v1/reports/servqual?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toContain("touchpoint,dimension,perception");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/reports/gaps");
  await expect(section).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tmp/shots-servqual/servqual-375.png" });
  // Scrolled sideways, the touchpoint column stays in view.
  await section.evaluate((el) => (el.scrollLeft = 400));
  await expect(section.getByRole("rowheader", { name: /Phone support call back/ })).toBeInViewport();
  await page.screenshot({ path: "tmp/shots-servqual/servqual-375-scrolled.png" });
});
