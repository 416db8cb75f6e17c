// A CX manager opens the Support journey's live map: "Phone support call back" (a demo touchpoint that falls
// short of its promise) is marked as a friction point with a label, not colour alone; the experience-gap
// report puts an under-promise touchpoint first. Screenshots at 1280 and 375 px go to tmp/screens/.
import { axeViolations } from "./helpers/axe";
import { expect, test, type Page } from "./helpers/test";
import { DEMO_UNDER_PROMISE } from "../../lib/demo/catalog";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";

const MANAGER = { email: "manager@demo.resonance.test", password: "resonance-demo" };

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(MANAGER.email);
  await page.getByLabel("Password").fill(MANAGER.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** axe-core's serious and critical violations, as "rule at target". */
async function blocking(page: Page): Promise<string[]> {
  const violations = await axeViolations(page);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}`));
}

async function openSupportMap(page: Page) {
  await page.goto("/journeys");
  await page.getByRole("link", { name: /^Support/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();
}

test("the Support journey map marks the call back as a friction point", async ({ page }) => {
  await signIn(page);
  await openSupportMap(page);
  // the overview tile says "Friction point" (words and an icon, not colour alone); its detail opens in a panel
  const tile = page.getByRole("button", { name: /^Friction point Phone support call back/ });
  await expect(tile).toBeVisible();
  await tile.click();
  const panel = page.getByRole("dialog", { name: /^Stage \d+ · / });
  await expect(panel).toBeVisible();
  const card = panel.getByRole("article", { name: /^Phone support call back/ });
  await expect(card).toHaveAccessibleName("Phone support call back, friction point");
  await expect(card.getByText("Friction point").first()).toBeVisible();
  // its numbers link to the responses and interactions behind them
  await expect(card.getByRole("link", { name: /interactions/ })).toHaveAttribute(
    "href",
    /\/interactions\?touchpointId=/,
  );
  await expect(card.getByRole("link", { name: /open on the dashboard/ }).first()).toHaveAttribute(
    "href",
    /touchpointId=/,
  );
  // ... and to the very responses behind a figure: the inbox for this touchpoint, metric and period
  const behind = card.getByRole("link", { name: /CSAT responses behind this figure/ });
  const n = Number((await behind.getAttribute("aria-label"))!.match(/The ([\d,]+) /)![1].replace(/,/g, ""));
  const inbox = await page.request.get(
    `/api/v1/responses?${(await behind.getAttribute("href"))!.split("?")[1]}&limit=100`,
  );
  expect(inbox.ok()).toBeTruthy();
  const listed = (await inbox.json()).data as { metric: string; touchpoint: { name: string } | null }[];
  expect(listed.length).toBe(Math.min(n, 100));
  for (const r of listed) expect(r).toMatchObject({ metric: "csat", touchpoint: { name: "Phone support call back" } });
  // what its customers write about: the top themes with share and n, as the map's API counts them
  const journeyId = new URL(page.url()).pathname.split("/")[2];
  const map = await (await page.request.get(`/api/v1/journeys/${journeyId}/map`)).json();
  type Themes = { comments: number; themes: { name: string; mentions: number; share: { share: number } }[] };
  const themes = (map.stages as { touchpoints: { name: string; themes: Themes }[] }[])
    .flatMap((s) => s.touchpoints)
    .find((t) => t.name === "Phone support call back")!.themes;
  expect(themes.themes.length).toBeGreaterThan(0); // the demo's call-back complaints have themes
  const said = card.getByTestId("touchpoint-themes");
  await expect(said.getByRole("heading", { name: "What customers write about" })).toBeVisible();
  await expect(said).toContainText(`(n\u00a0=\u00a0${themes.comments.toLocaleString("en-GB")})`);
  const top = said.locator("li").first();
  await expect(top).toContainText(themes.themes[0]!.name);
  await expect(top).toContainText(`(n\u00a0=\u00a0${themes.themes[0]!.mentions})`);
  await expect(top).toContainText(`${Math.round(themes.themes[0]!.share.share)} %`);
  await panel.screenshot({ path: "tmp/screens/journey-map-panel-1280.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await said.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tmp/screens/journey-map-panel-375.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel).toBeHidden();
  // the stage columns scroll inside a focusable region (on a phone); the emotion curve has a table; the blueprint lanes are there
  await expect(page.getByRole("region", { name: /Stages of Support/ })).toHaveAttribute("tabindex", "0");
  await expect(page.getByRole("heading", { name: "Emotion curve" })).toBeVisible();
  await expect(page.getByTestId("emotion-curve").locator("circle").first()).toBeVisible();
  await page.getByText("Emotion per stage as a table").click();
  await expect(page.getByRole("region", { name: "Average emotion per stage" }).getByRole("table")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Service blueprint" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Back-stage/ })).toBeVisible();

  // the period filter goes into the URL (GET form)
  await page.getByLabel("Period").selectOption("12m");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/preset=12m/);
  await expect(page.getByRole("button", { name: /^Friction point Phone support call back/ })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "tmp/screens/journey-map-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/journey-map-375.png", fullPage: true });
  // at 375 px the page itself does not scroll sideways; the stage region does
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the overview fits every stage in a 1280 px screen, the detail opens by keyboard and the curve sits under its stages", async ({
  page,
}) => {
  test.setTimeout(180_000); // axe twice on a busy machine
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await openSupportMap(page);
  const stages = page.getByTestId("journey-grid").locator("li[data-stage]");
  const count = await stages.count();
  expect(count).toBeGreaterThanOrEqual(5);
  // every stage column lies inside the viewport's width: no sideways scrolling to find a stage
  const boxes = [];
  for (let i = 0; i < count; i++) {
    await expect(stages.nth(i).getByRole("heading", { level: 2 })).toBeInViewport();
    const box = (await stages.nth(i).boundingBox())!;
    expect(box.x, `stage ${i + 1} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `stage ${i + 1} ends on screen`).toBeLessThanOrEqual(1280);
    boxes.push(box);
  }
  const region = page.getByRole("region", { name: /Stages of Support/ });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // the friction point is visible in the overview, with its words
  const friction = page.locator("button[data-status=friction]");
  expect(await friction.count()).toBeGreaterThan(0);
  // Which touchpoint is the friction point follows the demo data's last 90 days: it may sit low in its column, so the
  // page may scroll down to it (never sideways: the stage boxes above are all within 1280 px).
  await friction.first().scrollIntoViewIfNeeded();
  await expect(friction.first()).toBeInViewport();
  await expect(friction.first()).toContainText("Friction point");
  await expect(friction.first()).toContainText(/\(n\u00a0=\u00a0[\d,]+\)/); // the n never wraps from its number

  // keyboard: Tab to a tile, Enter opens its detail, Escape closes it and focus returns to the tile
  await friction.first().focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/promise|target/).first()).toBeVisible();
  await expect(panel.getByRole("link", { name: /responses behind this figure/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(friction.first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");

  // the emotion curve's points sit under their stage columns (x centre within 3 px of the column's centre)
  const stageIds = await stages.evaluateAll((els) => els.map((e) => e.getAttribute("data-stage")));
  const points = page.getByTestId("emotion-curve").locator("circle[data-stage]");
  expect(await points.count()).toBeGreaterThanOrEqual(3);
  for (const point of await points.all()) {
    const index = stageIds.indexOf(await point.getAttribute("data-stage"));
    expect(index).toBeGreaterThanOrEqual(0);
    const p = (await point.boundingBox())!;
    const column = boxes[index];
    expect(Math.abs(p.x + p.width / 2 - (column.x + column.width / 2))).toBeLessThanOrEqual(3);
  }
  await page.screenshot({ path: "tmp/screens/journey-map-overview-1280.png" });
  await friction.first().click();
  await page.screenshot({ path: "tmp/screens/journey-map-detail-1280.png" });
  // axe over the map with the friction point's panel open (every-page.spec.ts covers the closed map)
  await expect(panel).toBeVisible();
  expect(await blocking(page)).toEqual([]);
  await page.keyboard.press("Escape");

  // on a phone: the page does not scroll sideways; the stages do inside their region, the curve with them
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
  const first = (await stages.first().boundingBox())!;
  const firstPoint = (await points.first().boundingBox())!;
  const firstIndex = stageIds.indexOf(await points.first().getAttribute("data-stage"));
  const col = (await stages.nth(firstIndex).boundingBox())!;
  expect(Math.abs(firstPoint.x + firstPoint.width / 2 - (col.x + col.width / 2))).toBeLessThanOrEqual(3);
  expect(first.width).toBeGreaterThanOrEqual(200); // a readable column, not five squeezed into 375 px
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tmp/screens/journey-map-overview-375.png" });
  await region.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await page.screenshot({ path: "tmp/screens/journey-map-overview-375-scrolled.png" });
  expect(await blocking(page)).toEqual([]);
});

test("the journey cards show each journey's NPS and CSAT with n and its friction points", async ({ page }) => {
  await signIn(page);
  await page.goto("/journeys");
  const support = page.getByRole("link", { name: /^Support/ });
  await expect(support.locator("[data-metric=nps]")).toContainText(/NPS (\u2212?\d+|.*no responses)/);
  await expect(support.locator("[data-metric=nps]")).toContainText(/\(n\u00a0=\u00a0[\d,]+\)/);
  await expect(support.locator("[data-metric=csat]")).toContainText(/CSAT \d\.\d\d/);
  await expect(support.getByTestId("friction-count")).toContainText(/[1-9]\d* friction points?/);
  // the same figures as the journey's map: friction tiles counted there
  const shown = Number((await support.getByTestId("friction-count").textContent())!.match(/(\d+)/)![1]);
  await support.click();
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();
  await expect(page.locator("button[data-status=friction]")).toHaveCount(shown);
  await page.goto("/journeys");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "tmp/screens/journeys-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/journeys-375.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the experience-gap report puts an under-promise touchpoint first and offers CSV", async ({ page }) => {
  await signIn(page);
  await page.goto("/reports");
  await page.getByRole("link", { name: "Open the experience-gap report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Experience gaps" })).toBeVisible();
  const firstRow = page.getByRole("region", { name: "Experience gaps by priority" }).locator("tbody tr").first();
  const name = (await firstRow.getByRole("rowheader").getByRole("link").textContent())?.trim();
  expect(DEMO_UNDER_PROMISE as readonly string[]).toContain(name);
  await expect(firstRow.getByText("Friction point")).toBeVisible();
  // the touchpoint's top themes as chips with their share, the comments' n on demand
  const chips = page.getByTestId("theme-chips").first();
  await expect(chips.getByRole("list", { name: "Top themes" }).locator("li").first()).toContainText(/\d+\u00a0%/); // never wraps from its number
  await expect(chips.locator("summary")).toContainText(/n\u00a0=\u00a0[\d,]+ comments/);
  const csv = page.getByRole("link", { name: "Download CSV" });
  const res = await page.request.get((await csv.getAttribute("href"))!);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect((await res.text()).split("\r\n")[1]).toContain(name!);
  const fields = ["Promised", "Perceived", "n", "Gap", "Verdict", "Priority"];
  await expectCardsOnPhoneTableOnDesktop(page, "Experience gaps by priority", fields);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "tmp/screens/gap-report-1280.png" });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "tmp/screens/gap-report-print.png" });
  await expect(page.getByRole("form", { name: "Gap report filters" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/gap-report-375.png" });
});
