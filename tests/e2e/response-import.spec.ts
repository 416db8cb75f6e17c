// A manager imports a small CSV of historical survey responses through the wizard, started from the Surveys
// page (kind and survey preselected): mapping suggested from the question keys, one bad row (a score above
// the NPS scale) reported by row and field, progress, summary; the two good responses are then in the
// response inbox with their categories. Screenshots at 1280 and 375 px.
import { expect, test, type Page } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

const SHOTS = process.env.SHOTS_DIR ?? "tmp/screens";
const tag = Date.now().toString(36).slice(-5);
// Newer than every seeded response, so they open the inbox (newest first).
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
// One customer named twice, by external id and by e-mail; made for this run (the demo's customers change with
// the date the demo is built on).
const person = { name: `Respondent ${tag}`, externalId: `E2E-RESP-${tag}`, email: `respondent.${tag}@example.test` };
const csv = [
  "clientId,submittedAt,customer,nps,why",
  `e2e-resp-${tag}-1,${ago(2)},${person.externalId},10,Imported praise ${tag}`,
  `e2e-resp-${tag}-2,${ago(3)},,11,Out of range ${tag}`,
  `e2e-resp-${tag}-3,${ago(1)},${person.email},3,Imported complaint ${tag}`,
].join("\n");

async function shoot(page: Page, name: string, fullPage = true) {
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage });
}

test("manager imports survey responses, skipping the bad row, and finds them in the inbox", async ({ page }) => {
  await signInAs(page, "manager");
  expect((await page.request.post("/api/v1/customers", { data: person })).status()).toBe(201);

  await page.goto("/surveys");
  await shoot(page, "surveys-import-link");
  await page.getByRole("link", { name: "Import responses into Relationship NPS" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Import responses" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Survey responses/ })).toBeChecked();
  await expect(page.getByLabel("Survey the responses belong to")).toHaveValue(/.+/);
  await expect(page.getByLabel("Survey the responses belong to").locator("option:checked")).toHaveText(
    /^Relationship NPS/,
  );

  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "responses.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("3 data rows in responses.csv")).toBeVisible();
  await expect(page.getByLabel("clientId", { exact: true })).toHaveValue("clientId");
  await expect(page.getByLabel("submittedAt", { exact: true })).toHaveValue("submittedAt");
  await expect(page.getByLabel("nps", { exact: true })).toHaveValue("answers.nps");
  await expect(page.getByLabel("why", { exact: true })).toHaveValue("answers.why");
  await page.getByRole("radio", { name: "Skip bad rows" }).check();
  await shoot(page, "response-import-mapping");

  // Hold the request briefly so the progress bar is observable on a 3-row file.
  await page.route("**/api/v1/imports/responses?**", async (route) => {
    await new Promise((r) => setTimeout(r, 1_000));
    await route.continue();
  });
  await page.getByRole("button", { name: /^Import 3 rows$/ }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();

  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByText("2 response(s) added, 0 updated, 0 skipped, 1 row(s) not imported.")).toBeVisible();
  const problems = page.getByRole("region", { name: "Rows with problems" });
  await expect(problems.getByRole("row")).toHaveCount(2);
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("answers.nps");
  await expect(problems.getByRole("row").nth(1)).toContainText("Must be from 0 to 10");
  await shoot(page, "response-import-summary");

  await page.getByRole("link", { name: "See the responses in the inbox" }).click();
  await expect(page).toHaveURL(/\/surveys\/responses\?surveyId=/);
  // Only this run's rows: other specs on the same database (closed-loop) add newer responses to this survey.
  const cards = page.getByTestId("response-card").filter({ hasText: tag });
  await expect(cards.nth(0)).toContainText(`Imported complaint ${tag}`);
  await expect(cards.nth(0).getByTestId("score-chip")).toHaveAttribute("data-category", "detractor");
  await expect(cards.nth(1)).toContainText(`Imported praise ${tag}`);
  await expect(cards.nth(1).getByTestId("score-chip")).toHaveAttribute("data-category", "promoter");
  await expect(page.getByText(`Out of range ${tag}`)).toHaveCount(0);
  await shoot(page, "response-import-inbox", false);
});
