// A CX manager opens the key-driver analysis on the demo data: the importance × performance quadrant and its
// table show the same drivers as the API; changing a filter writes the URL; a short period says "not enough
// data" instead of showing weights; the page works at 375 px.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

test("the drivers report shows the quadrant and the table of the API's weights; filters land in the URL", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "manager");
  await page.goto("/reports");
  await page.getByRole("link", { name: "Open the key-driver analysis" }).click();
  await expect(page).toHaveURL(/\/reports\/drivers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Key drivers" })).toBeVisible();

  const quadrant = page.getByTestId("driver-quadrant");
  await expect(quadrant.getByRole("heading", { name: "Importance × performance" })).toBeVisible();
  await expect(quadrant.locator(".recharts-scatter-symbol")).toHaveCount(5);
  for (const label of ["Fix first", "Keep up", "Maintain", "Lower priority"])
    await expect(quadrant.locator("svg").getByText(label, { exact: true })).toBeVisible();
  await expect(quadrant.getByText("Performance: mean score →")).toBeVisible();

  // The table carries exactly the API's numbers for the page's own query.
  const api = await (await page.request.get("/api/v1/metrics/drivers")).json();
  expect(api.enough).toBe(true);
  expect(api.survey.name).toBe("Relationship drivers");
  const table = page.getByRole("region", { name: "Key drivers" });
  for (const d of api.drivers as { key: string; importance: { share: number } | null; performance: { n: number } }[]) {
    const row = table.getByTestId(`driver-${d.key}`);
    await expect(row).toContainText(`${(100 * d.importance!.share).toFixed(1)} %`);
    await expect(row).toContainText(String(d.performance.n));
  }
  // The demo's built-in truth: value for money matters and scores low.
  const value = (api.drivers as { key: string; quadrant: string }[]).find((d) => d.key === "value")!;
  expect(value.quadrant).toBe("fix-first");
  await expect(table.getByTestId("driver-value")).toContainText("Fix first");
  await page.screenshot({ path: "tmp/shots-drivers/drivers-1280.png", fullPage: true });

  // A filter change writes the URL and the page answers for it.
  const form = page.getByRole("form", { name: "Driver filters" });
  await form.getByLabel("Period").selectOption("12m");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/reports\/drivers\?preset=12m$/);
  const year = await (await page.request.get("/api/v1/metrics/drivers?preset=12m")).json();
  expect(year.n).toBeGreaterThan(api.n);
  await expect(quadrant).toContainText(`${year.n} complete responses`);

  // Too short a period: "not enough data", never a number.
  await form.getByLabel("Period").selectOption("7d");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/preset=7d/);
  await expect(quadrant.getByRole("status")).toContainText("Not enough data for weights");
  await expect(quadrant.getByRole("status")).toContainText("50 needed"); // 10 per driver, 5 drivers
  await expect(table.getByTestId("driver-value")).toContainText("Not enough data");
  await page.screenshot({ path: "tmp/shots-drivers/drivers-7d-1280.png", fullPage: true });

  // The CSV is the table.
  const csv = await page.request.get("/api/v1/metrics/drivers?outcome=nps&format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toContain("driver,key,relative_weight_pct");
});

test("the drivers report fits a 375 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs(page, "manager");
  await page.goto("/reports/drivers");
  await expect(page.getByTestId("driver-quadrant").locator(".recharts-scatter-symbol")).toHaveCount(5);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "tmp/shots-drivers/drivers-375.png", fullPage: true });
  await page.goto("/reports/drivers?outcome=csat");
  await expect(page.getByRole("heading", { name: "No CSAT survey rates drivers yet" })).toBeVisible();
  await page.screenshot({ path: "tmp/shots-drivers/drivers-empty-375.png", fullPage: true });
});
