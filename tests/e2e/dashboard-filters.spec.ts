// A CX manager narrows the dashboard: period preset, journey and touchpoint filters land in the URL, and the
// tiles' n are the API's numbers for the same query string; a chart's table and CSV carry the same points;
// two segments are compared; the page works at 375 px and without JavaScript.
import { expect, test, type Page } from "./helpers/test";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";

const ADMIN = { email: "admin@demo.resonance.test", password: "resonance-demo" };
const METRICS = ["nps", "csat", "ces"] as const;

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

const tileN = (page: Page, metric: string) => page.getByTestId(`tile-${metric}`).getByTestId("n");

async function tileNs(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of METRICS) out[m] = Number(await tileN(page, m).textContent());
  return out;
}

type Summary = { current: Record<string, { n: number }> };

async function summary(page: Page): Promise<Summary> {
  const res = await page.request.get(`/api/v1/metrics/summary${new URL(page.url()).search}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()) as Summary;
}

/**
 * The tiles show exactly what GET /api/v1/metrics/summary answers for the page's own query string. A preset period
 * is rolling: its start moves with the clock, so a response can leave it between the page's read and the API's.
 * Only then is the page read again (twice at most).
 */
async function expectTilesMatchApi(page: Page) {
  for (let attempt = 1; ; attempt++) {
    const api = await summary(page);
    const shown = await tileNs(page);
    if (METRICS.every((m) => shown[m] === api.current[m].n) || attempt === 3) {
      for (const m of METRICS) await expect(tileN(page, m)).toHaveText(String(api.current[m].n));
      return api;
    }
    await page.reload();
  }
}

async function apply(page: Page) {
  await page.getByRole("form", { name: "Dashboard filters" }).getByRole("button", { name: "Apply filters" }).click();
}

test("period, journey and touchpoint filters write the URL and drive the tiles", async ({ page }) => {
  await signIn(page);
  const filters = page.getByRole("form", { name: "Dashboard filters" });
  const all90 = await expectTilesMatchApi(page);
  // "What customers talk about": the most mentioned theme of the API, with its n, for the same query string.
  const themes = await (await page.request.get(`/api/v1/metrics/themes${new URL(page.url()).search}`)).json();
  const first = page.getByTestId("themes-card").locator("li").first();
  await expect(first).toContainText(themes.themes[0].name);
  await expect(first).toContainText(new RegExp(`n\\s=\\s${themes.themes[0].mentions.toLocaleString("en-GB")}`));

  await filters.getByLabel("Period").selectOption("30d");
  await apply(page);
  await expect(page).toHaveURL(/[?&]preset=30d(&|$)/);
  await expect(tileN(page, "nps")).not.toHaveText(String(all90.current.nps.n));
  const all30 = await expectTilesMatchApi(page);
  expect(all30.current.nps.n).toBeLessThan(all90.current.nps.n);
  expect(new URL(page.url()).search).not.toMatch(/from=|to=/); // a named period keeps the link short

  await filters.getByLabel("Journey").selectOption({ label: "Support" });
  await apply(page);
  await expect(page).toHaveURL(/journeyId=/);
  await expect(page).toHaveURL(/preset=30d/);
  await expect(tileN(page, "csat")).not.toHaveText(String(all30.current.csat.n));
  const support = await expectTilesMatchApi(page);
  expect(support.current.csat.n).toBeGreaterThan(0);
  // The subtitle says what the figures are narrowed to.
  await expect(page.getByText(/· journey Support$/)).toBeVisible();

  await filters.getByLabel("Touchpoint").selectOption({ label: "Phone support call" });
  await apply(page);
  await expect(page).toHaveURL(/touchpointId=/);
  const before = await tileNs(page);
  const call = await expectTilesMatchApi(page);
  expect(call.current.csat.n + call.current.ces.n).toBeLessThan(support.current.csat.n + support.current.ces.n);
  expect(before).not.toEqual({ nps: support.current.nps.n, csat: support.current.csat.n, ces: support.current.ces.n });

  // a shared link reproduces the same view
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  for (const m of METRICS) await expect(tileN(other, m)).toHaveText(String(call.current[m].n));
  await other.close();
});

test("a chart's table and CSV hold the same points as the API", async ({ page }) => {
  await signIn(page);
  await page.goto("/?preset=90d");
  const api = await (await page.request.get("/api/v1/metrics/trend?preset=90d")).json();
  const card = page.getByTestId("chart-nps-trend");
  await expect(card.locator("svg.recharts-surface").first()).toBeVisible();

  const details = page.getByTestId("table-nps-trend");
  await expect(details.getByRole("table")).toBeHidden();
  await details.getByText("Show table").click();
  const table = details.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(api.nps.length);
  const ns = await table.locator("tbody tr td:nth-of-type(3)").allTextContents();
  expect(ns.map(Number)).toEqual(api.nps.map((p: { n: number }) => p.n));
  await expect(details.getByText("Hide table")).toBeVisible();

  const href = await card.getByRole("link", { name: /download csv/i }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0].split(",")).toEqual(expect.arrayContaining(["bucket_start", "n", "low", "high"]));
  expect(lines.slice(1).map((l) => Number(l.split(",")[1]))).toEqual(api.nps.map((p: { n: number }) => p.n));

  // On a phone each period is a card with every figure; in the half-width card at 1280 px it is a table.
  const region = details.getByRole("region");
  await expectCardsOnPhoneTableOnDesktop(page, region, ["NPS", "95 % interval", "n"]);
  await page.setViewportSize({ width: 375, height: 812 });
  await region.screenshot({ path: "tmp/shots-phone-lists/dashboard-nps-table-375.png" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await region.screenshot({ path: "tmp/shots-phone-lists/dashboard-nps-table-1280.png" });
});

test("two segments side by side with the difference and its significance", async ({ page }) => {
  await signIn(page);
  const form = page.getByRole("form", { name: "Compare" });
  await form.getByLabel("Segment A").selectOption("vip");
  await form.getByLabel("Compare with").selectOption("smb");
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/segment=vip/);
  await expect(page).toHaveURL(/compare=smb/);
  const comparison = page.getByTestId("comparison");
  await expect(comparison).toBeVisible();
  await expect(comparison.getByTestId("difference-nps")).toContainText(/significant|too few responses|no change/);
  const api = await (await page.request.get(`/api/v1/metrics/compare${new URL(page.url()).search}`)).json();
  await expect(comparison).toContainText(`(n = ${api.a.nps.n.toLocaleString("en-GB")})`);
  await expect(comparison).toContainText(`(n = ${api.b.nps.n.toLocaleString("en-GB")})`);
  // segment A also filters the tiles
  for (const m of METRICS) await expect(tileN(page, m)).toHaveText(String(api.a[m].n));
  await page.screenshot({ path: "tmp/screens/dashboard-compare-1280.png", fullPage: true });
});

test("screens at 1280 and 375 px; the filters collapse into a disclosure that works with the keyboard", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/?preset=12m");
  await expect(page.getByTestId("chart-nps-trend").locator("svg.recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "tmp/screens/dashboard-filters-1280.png", fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  const summary = page.locator("summary", { hasText: "Filters" });
  await expect(summary).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  await page.screenshot({ path: "tmp/screens/dashboard-filters-375.png", fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await summary.focus();
  await page.keyboard.press("Enter");
  const period = page.getByRole("form", { name: "Dashboard filters" }).getByLabel("Period");
  await expect(period).toBeVisible();
  await period.focus();
  await period.selectOption("ytd");
  await page.getByRole("button", { name: "Apply filters" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/preset=ytd/);
  await expectTilesMatchApi(page);
  await page
    .locator("details", { has: page.locator("summary", { hasText: "Filters" }) })
    .evaluate((d) => d.setAttribute("open", ""));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "tmp/screens/dashboard-filters-375-open.png", fullPage: true });
});

test("without JavaScript the filter form still works as a plain GET form", async ({ page, browser, baseURL }) => {
  await signIn(page); // the sign-in form itself needs JavaScript; the session cookie is reused below
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    baseURL,
  });
  const p = await noJs.newPage();
  await p.goto("/");
  await p.getByRole("form", { name: "Dashboard filters" }).getByLabel("Period").selectOption("30d");
  await apply(p);
  await expect(p).toHaveURL(/preset=30d/);
  await expect(p).toHaveURL(/journeyId=&/); // the browser sends every field; "" means "not given"
  await expectTilesMatchApi(p);
  await noJs.close();
});

test("a week with a handful of responses, all detractors, shows no zero-width interval and a readable note", async ({
  page,
}) => {
  await signIn(page);
  // A touchpoint with a week of 1–29 NPS answers that are all detractors (the demo data has several).
  const touchpoints: { id: string; name: string }[] = await (await page.request.get("/api/v1/touchpoints")).json();
  type Point = { label: string; n: number; detractors: number; low: number | null; high: number | null };
  let found: { touchpoint: string; point: Point } | null = null;
  for (const t of touchpoints) {
    const api = await (await page.request.get(`/api/v1/metrics/trend?preset=90d&touchpointId=${t.id}`)).json();
    const point = (api.nps as Point[]).find((p) => p.n > 0 && p.n < 30 && p.detractors === p.n);
    if (point) {
      found = { touchpoint: t.id, point };
      break;
    }
  }
  expect(found, "a touchpoint with a small all-detractor week").not.toBeNull();
  expect(found!.point.low).toBe(-100); // the API keeps the interval (−100 to −100); the page must not show it
  await page.goto(`/?preset=90d&touchpointId=${found!.touchpoint}`);
  const details = page.getByTestId("table-nps-trend");
  await details.getByText("Show table").click();
  const table = details.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table).not.toContainText("\u2212100.0 \u2013 \u2212100.0");
  await expect(table).not.toContainText("\u2212100.0 – \u2212100.0");
  const row = table.locator("tbody tr").filter({ hasText: found!.point.label });
  const note = row.getByText(`too few responses (n = ${found!.point.n})`);
  const region = details.getByRole("region");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(row.locator("td").nth(1)).toHaveText("—"); // the interval column
    if (width === 1280) {
      // the whole table fits its card: nothing to scroll to, nothing cut off
      expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    await note.scrollIntoViewIfNeeded();
    await expect(note).toBeInViewport({ ratio: 1 });
    await details.screenshot({ path: `tmp/screens/dashboard-small-n-table-${width}.png` });
  }
});
