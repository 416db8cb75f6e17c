// A CX manager opens the CEM maturity self-assessment from Reports, answers all ten questions, saves, and sees
// the level, score and a new history row; a question left unanswered is named next to it and nothing is
// saved. Screenshots at 1280 and 375 px go to tmp/shots-maturity/.
import { expect, test, type Page } from "./helpers/test";
import { MATURITY_QUESTIONS } from "../../lib/maturity/model";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-maturity";

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a manager answers every question, saves, and sees the level and a history row", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/reports");
  await page.getByRole("link", { name: "Open the maturity self-assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CEM maturity" })).toBeVisible();
  await expect(page.getByRole("table", { name: /What the data shows/ })).toBeVisible();
  const historyRows = page.getByRole("region", { name: "Assessment history" }).locator("tbody tr");
  const before = await historyRows.count();

  // leave the last question blank: it is named next to the question, nothing is saved
  const form = page.getByRole("form", { name: "Maturity questionnaire" });
  const groups = form.getByRole("group");
  for (let i = 0; i < MATURITY_QUESTIONS.length - 1; i++)
    await groups
      .nth(i)
      .getByRole("radio")
      .nth(i < 5 ? 2 : 1)
      .check();
  const last = groups.nth(MATURITY_QUESTIONS.length - 1);
  // the form starts from the latest saved answers (if any): clear the last question's choice
  await last.evaluate((el) => el.querySelectorAll("input").forEach((input) => (input.checked = false)));
  await form.getByRole("button", { name: "Save assessment" }).click();
  await expect(last).toContainText("Answer this question (1–4).");
  await last.screenshot({ path: `${SHOTS}/maturity-error-1280.png` });
  await expect(historyRows).toHaveCount(before);

  // answers 3,3,3,3,3,2,2,2,2 and 2 → mean 2.5 → Integrated
  await last.getByRole("radio", { name: /2 · Processed/ }).check();
  await form.getByRole("button", { name: "Save assessment" }).click();
  await expect(form.getByRole("status")).toContainText("Saved: Integrated (2.50)");
  await expect(page.getByTestId("maturity-latest")).toContainText("Integrated");
  await expect(page.getByTestId("maturity-latest")).toContainText("score 2.50 of 4");
  await expect(historyRows).toHaveCount(before + 1);
  await expect(historyRows.first()).toContainText("2.50");
  await expect(historyRows.first()).toContainText("Integrated");
  // a second save: the score-over-time chart appears above the table (its text alternative)
  await form.getByRole("button", { name: "Save assessment" }).click();
  await expect(historyRows).toHaveCount(before + 2);
  await expect(page.getByText("Score over time; dashed lines are the level boundaries")).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/maturity-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/maturity-375.png`, fullPage: true });
  await page.getByTestId("maturity-latest").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/maturity-top-375.png` });
  await page
    .getByRole("region", { name: "History", exact: true })
    .screenshot({ path: `${SHOTS}/maturity-history-375.png` });
});

test("a viewer sees the questionnaire read-only", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/reports/maturity");
  await expect(page.getByText("Only managers and admins can save an assessment")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save assessment" })).toHaveCount(0);
  await expect(page.getByRole("radio").first()).toBeDisabled();
});
