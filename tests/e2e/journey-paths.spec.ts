// A CX manager opens the Support journey's paths from its map: the step chart and the tables are there, the
// first top path's count is the API's, the chart's nodes are reachable with the keyboard, its labels are told
// apart (step and name; "Phone support call" vs "… call back") and no drop-off covers a label; at 375 px the
// chart gives way to a per-step list whose names are never cut, and the page does not scroll sideways.
// Screenshots go to tmp/shots-paths/.
import { expect, test, type Page } from "./helpers/test";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";
import { signInAs } from "./helpers/sign-in";

const signIn = (page: Page) => signInAs(page, "manager");

test("the Support journey's paths: chart, tables and the API agree", async ({ page }) => {
  test.setTimeout(150_000); // many steps on a busy machine
  await signIn(page);
  await page.goto("/journeys");
  await page.getByRole("link", { name: /^Support/ }).click();
  await page.getByRole("navigation", { name: "Journey views" }).getByRole("link", { name: "Paths" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support: paths" })).toBeVisible();
  const journeyId = page.url().match(/journeys\/([^/]+)\/paths/)![1];

  const chart = page.getByRole("region", { name: /Paths chart/ });
  await expect(chart.getByTestId("path-node").first()).toBeVisible();
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

  // Labels: distinct for distinct nodes, the step first, the two phone touchpoints told apart, none under a
  // drop-off (the hatched "left" part of a bar) and none cut by the chart's edge.
  const labels = await chart.getByTestId("path-label").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        node: el.getAttribute("data-node")!,
        text: el.querySelector("tspan")!.textContent!,
        box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      };
    }),
  );
  expect(labels.length).toBe(body.nodes.length);
  expect(new Set(labels.map((l) => l.text)).size, labels.map((l) => l.text).join(" | ")).toBe(labels.length);
  for (const l of labels) expect(l.text).toMatch(new RegExp(`^${Number(l.node.split(":")[0]) + 1} · `));
  const phone = labels.filter((l) => /Phone su/.test(l.text)).map((l) => l.text.replace(/^\d+ · /, ""));
  expect(new Set(phone)).toEqual(new Set(["Phone support call", "Phone support call back"]));
  const drops = await chart.getByTestId("path-drop").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  expect(drops.length).toBeGreaterThan(0);
  for (const l of labels)
    for (const d of drops)
      expect(
        d.right <= l.box.left || d.left >= l.box.right || d.bottom <= l.box.top || d.top >= l.box.bottom,
        `"${l.text}" under a drop-off`,
      ).toBe(true);
  const svgBox = (await chart.locator("svg").first().boundingBox())!;
  for (const l of labels)
    expect(l.box.right, `"${l.text}" inside the chart`).toBeLessThanOrEqual(svgBox.x + svgBox.width);

  // keyboard: a node says its counts when focused
  await chart.locator("g[tabindex='0']").last().focus();
  await expect(page.getByTestId("paths-detail")).toContainText(/customers?, \d+ continued, \d+ left/); // "1 customer"

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
  // On a phone: the per-step list instead of the chart; every name whole and inside the screen.
  await expect(chart).toBeHidden();
  const steps = page.getByRole("region", { name: "Paths by step" });
  await expect(steps).toBeVisible();
  const names = steps.locator("[data-testid=path-step-name]:visible");
  expect(await names.count()).toBeGreaterThan(3);
  for (const n of await names.evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent!,
      right: el.getBoundingClientRect().right,
      cut: el.scrollWidth > el.clientWidth,
    })),
  )) {
    expect(n.text).not.toContain("…");
    expect(n.cut, n.text).toBe(false);
    expect(n.right, n.text).toBeLessThanOrEqual(375);
  }
  await expect(steps.getByText("Phone support call back").first()).toBeVisible();
  await steps.screenshot({ path: "tmp/shots-paths/paths-steps-375.png" });
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
