// A CX manager opens the weekly digest from Reports: the tiles carry the same n and NPS as the metrics API for
// that week, changes are listed with their sizes, "Send me this now" says clearly when e-mail is not set up; an
// admin changes the digest's day in Settings. Screenshots at 1280 and 375 px go to tmp/shots-digest/.
import { expect, test, type Page } from "./helpers/test";
import { formatNumber } from "../../lib/metrics/format";

const MANAGER = { email: "manager@demo.resonance.test", password: "resonance-demo" };
const ADMIN = { email: "admin@demo.resonance.test", password: "resonance-demo" };
const SHOTS = "tmp/shots-digest";

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the manager reads the weekly digest with the metrics API's numbers", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/reports");
  await page.getByRole("link", { name: "Open the weekly digest" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Weekly digest" })).toBeVisible();

  // the week shown: the seven days before weekEnding; the API's custom range is inclusive
  const weekEnding = await page.locator('input[name="weekEnding"]').inputValue();
  const end = Date.parse(`${weekEnding}T00:00:00Z`);
  const res = await page.request.get(
    `/api/v1/metrics/summary?preset=custom&from=${day(end - 7 * 86_400_000)}&to=${day(end - 86_400_000)}`,
  );
  expect(res.ok()).toBeTruthy();
  const api = (await res.json()) as {
    current: Record<string, { n: number; nps?: number | null }>;
    previous: Record<string, { n: number }>;
  };
  for (const m of ["nps", "csat", "ces"])
    await expect(page.getByTestId(`tile-${m}`).getByTestId("n")).toHaveText(String(api.current[m].n));
  expect(api.current.nps.n).toBeGreaterThan(0);
  await expect(page.getByTestId("tile-nps")).toContainText(formatNumber(api.current.nps.nps!, 0));
  await expect(page.getByTestId("tile-nps").getByTestId("change")).toContainText(
    /significant|too few responses to test/,
  );

  // activity counts and both change lists (a table, or a sentence saying nothing changed significantly)
  await expect(page.getByTestId("digest-detractors")).toContainText(/New detractors\s*\d+/);
  await expect(page.getByTestId("digest-open-cases")).toContainText(/Open cases\s*\d+/);
  // the demo's last week has its stories (lib/demo/feedback.ts): a support outage (CSAT down) and the rewritten
  // bill explainer (CSAT up), each a significant change by touchpoint and by journey. Another metric of the same
  // place may also change significantly in a given week's demo data, so each story's row is found by its change.
  // (the arrow between metric and direction is hidden from screen readers but is in the text)
  const expected: Record<string, Array<[string, RegExp]>> = {
    "digest-touchpoints": [
      ["Phone support call", /CSAT\W*down/],
      ["Bill explainer page", /CSAT\W*up/],
    ],
    "digest-journeys": [
      ["Support", /CSAT\W*down/],
      ["Billing", /CSAT\W*up/],
    ],
  };
  for (const [list, stories] of Object.entries(expected)) {
    await expect(page.getByTestId(list).getByRole("heading")).toBeVisible();
    const table = page.getByTestId(list).getByRole("table");
    for (const [name, change] of stories)
      await expect(table.getByRole("row").filter({ hasText: name }).filter({ hasText: change })).toHaveCount(1);
  }
  // what customers write about: the outage week's complaints are about the outage (lib/demo/text.ts, OUTAGE_COMMENTS),
  // so "Reliability" rises significantly, listed with both weeks' shares and n
  const themes = page.getByTestId("digest-themes");
  await expect(themes.getByRole("heading", { name: /what customers write about/ })).toBeVisible();
  await expect(themes).toContainText(/n\u00a0=\u00a0\d+ this week/);
  await expect(
    themes
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: "Reliability" })
      .filter({ hasText: /up\s*[\d.]+ points/ }),
  ).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/digest-1280.png`, fullPage: true });

  // the week before, by link; and back
  await page.getByRole("link", { name: "← Week before" }).click();
  await expect(page).toHaveURL(new RegExp(`weekEnding=${day(end - 7 * 86_400_000)}`));
  await page.getByRole("link", { name: "Latest digest" }).click();
  await expect(page.locator('input[name="weekEnding"]')).toHaveValue(weekEnding);

  // without an SMTP server the action says so, next to the button
  await page.getByRole("button", { name: "Send me this now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "E-mail is not set up on this server" })).toBeVisible();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Weekly digest" })).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/digest-375.png`, fullPage: true });
});

test("a viewer reads the digest but has no send button", async ({ page }) => {
  await signIn(page, { email: "viewer@demo.resonance.test", password: "resonance-demo" });
  await page.goto("/reports/digest");
  await expect(page.getByRole("heading", { level: 1, name: "Weekly digest" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send me this now" })).toHaveCount(0);
});

test("the admin moves the digest to Friday 17:00 and picks its recipients", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings#digest");
  const form = page.getByRole("form", { name: "Weekly digest settings" });
  await form.getByLabel("Day").selectOption({ label: "Friday" });
  await form.getByLabel("Time").selectOption({ label: "17:00 UTC" });
  // hand-picked recipients need at least one member: the error names the field and nothing is saved
  await form.getByLabel("Only the members ticked below").check();
  const ticked = form.locator('input[name="recipients"]:checked');
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await form.getByRole("button", { name: "Save digest settings" }).click();
  await expect(form.getByText("Pick at least one member")).toBeVisible();
  // (?<!…): not region.manager@, store.manager@ … of the demo's hierarchy
  await form.getByRole("checkbox", { name: /(?<![.\w])manager@demo\.resonance\.test/ }).check();
  await form.getByRole("button", { name: "Save digest settings" }).click();
  await expect(form.getByText("Digest settings saved.")).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("form", { name: "Weekly digest settings" }).getByLabel("Day")).toHaveValue("5");
  await noSidewaysScroll(page);
  await page.getByRole("heading", { name: "Weekly digest" }).scrollIntoViewIfNeeded();
  await page
    .getByRole("form", { name: "Weekly digest settings" })
    .screenshot({ path: `${SHOTS}/settings-digest-375.png` });

  await page.goto("/reports/digest");
  await expect(page.getByText("on Fridays at 17:00 UTC")).toBeVisible();
});
