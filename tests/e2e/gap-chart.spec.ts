// The experience-gap report at a glance, on the demo data: above the table, a chart with one mark per shown
// promised figure, friction first (then by the size of the shortfall), a whisker only where n ≥ 30, "too few
// responses" rows hollow and unwhiskered; the top 20 first and "Show all" for the rest; the table still there
// with every row; at 375 px the chart fits the screen (labels above the tracks). Screenshots to tmp/shots-gaps/.
import { expect, test, type Locator } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { noSidewaysScroll } from "./helpers/screens";

type ApiRow = {
  key: string;
  touchpoint: { name: string };
  gap: { status: string; gap: number | null; perceived: { n: number } };
};

const GROUP: Record<string, number> = {
  friction: 0,
  as_promised: 1,
  delight: 1,
  too_few_responses: 2,
  no_responses: 3,
};

async function rowFacts(rows: Locator) {
  return rows.evaluateAll((els) =>
    els.map((el) => ({
      key: el.getAttribute("data-key")!,
      pct: el.getAttribute("data-pct") === "" ? null : Number(el.getAttribute("data-pct")),
      marks: el.querySelectorAll("[data-testid=gap-mark]").length,
      intervals: el.querySelectorAll("[data-testid=gap-interval]").length,
      status: el.querySelector("[data-testid=gap-mark]")?.getAttribute("data-status") ?? null,
    })),
  );
}

test("the gap report's chart: friction first, intervals only from n = 30, the table kept", async ({ page }) => {
  test.setTimeout(120_000); // a long report on a busy machine
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "viewer");
  await page.goto("/reports/gaps");
  const api = (await (await page.request.get("/api/v1/reports/gaps")).json()) as { rows: ApiRow[] };
  expect(api.rows.length).toBeGreaterThan(25); // the demo has more rows than the chart shows at first
  const byKey = new Map(api.rows.map((r) => [r.key, r]));

  const chart = page.getByTestId("gap-chart");
  await expect(chart.getByRole("heading", { name: "Gaps at a glance" })).toBeVisible();
  const visibleRows = chart.locator("[data-testid=gap-chart-row]:visible");
  await expect(visibleRows).toHaveCount(20);
  await expect(chart.locator("[data-testid=gap-mark]:visible")).toHaveCount(
    (await rowFacts(visibleRows)).filter((r) => byKey.get(r.key)!.gap.gap !== null).length,
  );
  await page.screenshot({ path: "tmp/shots-gaps/gaps-1280.png", fullPage: false });

  await chart.getByRole("button", { name: `Show all ${api.rows.length}` }).click();
  await expect(visibleRows).toHaveCount(api.rows.length);
  const facts = await rowFacts(visibleRows);
  expect(new Set(facts.map((f) => f.key))).toEqual(new Set(byKey.keys()));

  // Friction first; then by the size of the shortfall within each group (friction, measured, too few, none).
  const groups = facts.map((f) => GROUP[byKey.get(f.key)!.gap.status]);
  expect(groups).toEqual([...groups].sort((a, b) => a - b));
  expect(groups[0]).toBe(0);
  for (let i = 1; i < facts.length; i++)
    if (groups[i] === groups[i - 1] && facts[i].pct !== null)
      expect(facts[i].pct!).toBeGreaterThanOrEqual(facts[i - 1].pct!);

  // One mark per figure with responses, its shape saying the verdict; a whisker exactly where n ≥ 30.
  for (const f of facts) {
    const r = byKey.get(f.key)!;
    expect(f.marks, f.key).toBe(r.gap.gap === null ? 0 : 1);
    if (f.marks) expect(f.status, f.key).toBe(r.gap.status);
    expect(f.intervals, `${r.touchpoint.name}: n = ${r.gap.perceived.n}`).toBe(r.gap.perceived.n >= 30 ? 1 : 0);
  }
  expect(
    facts.some((f) => byKey.get(f.key)!.gap.status === "too_few_responses"),
    "demo has a too-few row",
  ).toBe(true);
  const fewRow = visibleRows.filter({ has: page.locator("[data-status=too_few_responses]") }).first();
  await expect(fewRow).toContainText("Too few responses");
  await expect(fewRow).toContainText(/n\s=\s\d+/); // nEquals: non-breaking spaces

  // The first friction point's whisker lies wholly left of the zero line.
  const first = visibleRows.first();
  await expect(first).toContainText("Friction point");
  const zero = await first.locator("[data-testid=gap-track] svg > line[stroke='#475569']").boundingBox();
  const whisker = await first.locator("[data-testid=gap-interval]").boundingBox();
  expect(whisker!.x + whisker!.width).toBeLessThan(zero!.x);

  // The table stays, with every row.
  const table = page.getByRole("region", { name: "Experience gaps by priority" });
  await expect(table.getByRole("row")).toHaveCount(api.rows.length + 1);

  // Phone: the chart fits; the label sits above its track.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/reports/gaps");
  await noSidewaysScroll(page);
  const phoneRow = chart.locator("[data-testid=gap-chart-row]").first();
  const name = (await phoneRow.getByRole("link").boundingBox())!;
  const track = (await phoneRow.getByTestId("gap-track").boundingBox())!;
  expect(name.y + name.height).toBeLessThanOrEqual(track.y + 1);
  expect(track.x + track.width).toBeLessThanOrEqual(375);
  for (const box of await chart
    .locator("[data-testid=gap-chart-row]:visible")
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
    expect(box).toBeLessThanOrEqual(375);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tmp/shots-gaps/gaps-375.png", fullPage: false });
  await page.screenshot({ path: "tmp/shots-gaps/gaps-375-full.png", fullPage: true });
});
