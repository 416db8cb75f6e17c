// A CX manager reads the response inbox on the demo data: from the Surveys page to the inbox, filters
// detractors with comments (the URL carries them), sees only detractor cards that match the API's answer,
// reads a response's answers, loads more, downloads the filtered CSV; the page at 375 px; a survey row's
// count opens the inbox for that survey.
import fs from "node:fs";
import { expect, test, type Page } from "./helpers/test";
import { parse } from "csv-parse/sync";

const SHOTS = process.env.SHOTS_DIR ?? "tmp/screens";

async function signIn(page: Page, email = "manager@demo.resonance.test") {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

const cards = (page: Page) => page.getByTestId("response-card");

async function filterDetractorsWithComments(page: Page) {
  const form = page.getByRole("form", { name: "Response filters" });
  await form.getByLabel("Category").selectOption("detractor");
  await form.getByLabel("Comment", { exact: true }).selectOption("true");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]category=detractor(&|$)/);
  await expect(page).toHaveURL(/[?&]hasComment=true(&|$)/);
}

test("a manager filters detractors with comments, reads them and downloads the CSV", async ({ page }) => {
  await signIn(page);
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Responses", exact: true }).click();
  await expect(page).toHaveURL(/\/surveys\/responses$/);
  await expect(page.getByRole("heading", { name: "Responses", level: 1 })).toBeVisible();
  await expect(cards(page)).toHaveCount(25);

  await filterDetractorsWithComments(page);
  await expect(page.getByTestId("score-chip").first()).toHaveAttribute("data-category", "detractor");
  await expect(cards(page)).toHaveCount(25);
  const categories = await page
    .getByTestId("score-chip")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
  expect(new Set(categories)).toEqual(new Set(["detractor"]));
  for (const comment of await page.getByTestId("comment").allTextContents()) expect(comment.trim()).not.toBe("");
  await expect(page.getByTestId("comment")).toHaveCount(25);

  // the cards are the API's answer for the page's own query string, in the same order
  const search = new URL(page.url()).search.slice(1);
  const api = await (await page.request.get(`/api/v1/responses?${search}&limit=25`)).json();
  const shown = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-response-id")));
  expect(shown).toEqual(api.data.map((r: { id: string }) => r.id));

  // every answer of a response, behind a disclosure
  const first = cards(page).first();
  await first.getByText(/^All answers/).click();
  await expect(first.getByRole("definition").first()).toBeVisible();
  await expect(first.getByRole("term").first()).toHaveText(/recommend|satisfied|easy/i);
  await page.screenshot({ path: `${SHOTS}/responses-inbox-1280.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/responses-inbox-1280-top.png` });

  await page.getByRole("link", { name: "Load more" }).click();
  await expect(cards(page)).toHaveCount(50);
  const more = await page
    .getByTestId("score-chip")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
  expect(new Set(more)).toEqual(new Set(["detractor"]));
  expect(new Set(await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-response-id")))).size).toBe(
    50,
  );
  await expect(cards(page).nth(25)).toBeFocused();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^responses-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(file, "utf8");
  expect(text.split("\n")[0]).toBe(
    "id,submittedAt,survey,touchpoint,channel,customerId,customerName,customerEmail,locale,completed,metric,score,category,comment,sentiment,sentiment_label,themes,answers",
  );
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(50);
  expect(new Set(rows.map((r) => r.category))).toEqual(new Set(["detractor"]));
  expect(rows.every((r) => r.comment !== "")).toBe(true);
  expect(rows.slice(0, 50).map((r) => r.id)).toEqual(
    await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-response-id"))),
  );
});

test("the inbox at 375 px: filters behind a disclosure, cards without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page);
  await page.goto("/surveys/responses");
  const form = page.getByRole("form", { name: "Response filters" });
  await expect(form).toBeHidden();
  await page
    .locator("summary")
    .filter({ hasText: /^Filters/ })
    .click();
  await filterDetractorsWithComments(page);
  await expect(cards(page).first()).toBeVisible();
  await expect(form).toBeHidden(); // closed again: the results come first
  await expect(page.locator("summary").filter({ hasText: /^Filters/ })).toContainText("2 active");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/responses-inbox-375-top.png` });
  await cards(page)
    .first()
    .getByText(/^All answers/)
    .click();
  await page.screenshot({ path: `${SHOTS}/responses-inbox-375.png`, fullPage: true });
});

test("a survey's response count opens the inbox for that survey; a viewer can read it; no match says what to do", async ({
  page,
}) => {
  await signIn(page, "viewer@demo.resonance.test");
  await page.goto("/surveys");
  await page.screenshot({ path: `${SHOTS}/surveys-with-inbox-links-1280.png` });
  const row = page.getByRole("row").filter({ hasText: "Support satisfaction" });
  await row.getByRole("link", { name: /responses to Support satisfaction/ }).click();
  await expect(page).toHaveURL(/\/surveys\/responses\?surveyId=/);
  await expect(page.getByRole("form", { name: "Response filters" }).getByLabel("Survey")).toHaveValue(
    new URL(page.url()).searchParams.get("surveyId")!,
  );
  await expect(page.getByText(/^CSAT \d/).first()).toBeVisible();
  expect(
    new Set(await page.getByTestId("score-chip").evaluateAll((els) => els.map((e) => e.textContent?.split(" ")[0]))),
  ).toEqual(new Set(["CSAT"]));
  await expect(page.getByTestId("match-count")).toHaveText(/^[\d,]+ responses match these filters, newest first$/);

  // A detractor's response links to the follow-up case it opened (the demo's case rules open them).
  await page.goto("/surveys/responses?category=detractor");
  const caseLink = page.getByRole("link", { name: /^Follow-up case · (Open|In progress|Resolved)$/ }).first();
  await expect(caseLink).toBeVisible();
  await caseLink.click();
  await expect(page).toHaveURL(/\/cases\/[^/?#]+$/);

  await page.goto("/surveys/responses?q=zzzz-no-such-words&scoreMin=11");
  await expect(page.getByRole("heading", { name: "No responses match these filters" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Clear all filters" })).toBeVisible();
  await expect(page.getByText("Use a score from 0 to 10")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/responses-inbox-empty-1280.png`, fullPage: true });
});

test("a new organization's inbox says how responses arrive", async ({ page }) => {
  // agent2 (used by no other spec) founds an organization of their own: no surveys, no responses yet
  await signIn(page, "agent2@demo.resonance.test");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create an organization" });
  await form.getByLabel("Organization name").fill(`Inbox Empty ${Date.now().toString(36)}`);
  await form.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/surveys/responses");
  await expect(page.getByRole("heading", { name: "No responses yet" })).toBeVisible();
  await expect(page.getByText(/Share a live survey/)).toBeVisible();
  await expect(page.getByText(/no live survey yet/)).toBeVisible();
  await expect(page.getByRole("link", { name: "publish one on the Surveys page" })).toHaveAttribute("href", "/surveys");
  await page.screenshot({ path: `${SHOTS}/responses-inbox-none-yet-1280.png` });
});
