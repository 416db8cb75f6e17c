// The whole survey loop as a CX manager lives it: create an NPS survey from the template in the builder,
// allow a company site to embed it, publish, paste the widget snippet from the builder into a plain static
// page served on loopback, answer it there as a visitor (a detractor, so the skip logic shows "What went
// wrong?"), and find the response in the inbox. Screenshots of the widget at 1280 and 375 px.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/screens";
let site: http.Server;
let siteUrl: string;
let snippet = "";

test.beforeAll(async () => {
  // The company's own site: a static page that only carries the pasted snippet.
  site = http.createServer((req, res) => {
    if (req.url !== "/pricing") return void res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Acme pricing</title></head><body><h1>Acme pricing</h1><p>Plans from 9 a month.</p>${snippet}</body></html>`,
      );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
});

test("a manager creates an NPS survey, embeds it on a static site, a visitor answers, and the response is in the inbox", async ({
  page,
  browser,
}) => {
  await signInAs(page, "manager");
  await page.goto("/surveys/new");
  await page.getByRole("radio", { name: /Net Promoter Score/ }).check();
  const name = `Pricing page NPS ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const surveyId = page.url().split("/").pop()!;

  // Distribution: the company site may embed it, shown at once.
  await page.getByLabel("Sites allowed to embed (one origin per line)").fill(siteUrl);
  await page.getByLabel("Show", { exact: true }).selectOption("load");
  await page.getByRole("button", { name: "Save distribution" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  snippet = await page.getByLabel("Widget snippet").inputValue();
  expect(snippet).toMatch(/\/embed\/[0-9a-f]{16}\.js"/); // the versioned, long-cached script (lib/surveys/embed-asset.ts)

  // A visitor on the company's site answers with the keyboard.
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const visitor = await context.newPage();
  await visitor.goto(`${siteUrl}/pricing`);
  const dialog = visitor.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const scale = dialog.getByRole("radiogroup", { name: /How likely are you to recommend/ });
  await expect(scale.getByRole("radio", { name: /^0/ })).toBeFocused();
  for (let i = 0; i < 4; i++) await visitor.keyboard.press("ArrowRight");
  await expect(scale.getByRole("radio", { name: "4", exact: true })).toHaveAttribute("aria-checked", "true");
  // Skip logic: only a detractor is asked what went wrong.
  const wrong = dialog.getByRole("textbox", { name: "What went wrong?" });
  await expect(wrong).toBeVisible();
  await dialog
    .getByRole("textbox", { name: "What is the main reason for your score?" })
    .fill("The prices are hard to compare");
  await wrong.fill("Checkout failed twice");
  await visitor.screenshot({ path: `${SHOTS}/lifecycle-widget-1280.png` });
  await visitor.setViewportSize({ width: 375, height: 740 });
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await visitor.screenshot({ path: `${SHOTS}/lifecycle-widget-375.png` });
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await context.close();

  // The manager finds it in the inbox, filtered to this survey.
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Responses" }).first().click();
  await expect(page).toHaveURL(/\/surveys\/responses/);
  await page.goto(`/surveys/responses?surveyId=${surveyId}`);
  const cards = page.getByTestId("response-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByTestId("score-chip")).toHaveAttribute("data-category", "detractor");
  await expect(cards.first().getByTestId("score-chip")).toContainText("4");
  await expect(cards.first()).toContainText("The prices are hard to compare");
  await cards
    .first()
    .getByText(/answers/i)
    .first()
    .click();
  await expect(cards.first()).toContainText("Checkout failed twice");

  // Detractor → a follow-up case was opened for it.
  const cases = await (await page.request.get("/api/v1/cases?status=open&limit=100")).json();
  expect(
    cases.data.some(
      (c: { response: { score: number; comment: string } | null }) =>
        c.response?.comment === "The prices are hard to compare",
    ),
  ).toBe(true);
  expect((await page.request.post(`/api/v1/surveys/${surveyId}/close`)).status()).toBe(200); // leave the demo's live surveys as they were
});
