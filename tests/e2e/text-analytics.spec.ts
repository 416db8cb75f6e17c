// Settings → Text analytics (docs/text-analytics.md): a manager opens the organization's themes, gets a bad phrase
// refused with the reason next to the field, saves a good one, and sees history being analysed again (the progress
// bar) or done. Screenshots at 1280 and 375 px.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/text-analytics";

test("a manager edits a theme's phrases and history is analysed again", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "manager");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Text analytics", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Text analytics", level: 1 })).toBeVisible();

  const billing = page.getByTestId("theme-billing");
  await billing.locator("summary").click();
  const english = billing.getByLabel("English phrases");
  const original = await english.inputValue();
  await english.fill(`${original}\n*ab`);
  await billing.getByRole("button", { name: "Save theme" }).click();
  const lines = original.split("\n").length;
  await expect(billing.getByText(`Line ${lines + 1}: At least 3 letters besides "*"`)).toBeVisible();
  await expect(english).toHaveAttribute("aria-invalid", "true");
  await shots(page, SHOTS, "refused");

  await english.fill(`${original}\nsurcharge`);
  await billing.getByRole("button", { name: "Save theme" }).click();
  await expect(billing.getByText("Saved. History is analysed again in the background.")).toBeVisible();
  await expect(
    page
      .getByTestId("text-analysis-progress")
      .or(page.getByTestId("text-analysis-done"))
      .or(page.getByTestId("text-analysis-pending")),
  ).toBeVisible();
  await shots(page, SHOTS, "saved");
});

test("the inbox filtered by a theme highlights the matched words; suggested themes are listed", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "manager");
  await page.goto("/surveys/responses?theme=billing");
  const comment = page.getByTestId("comment").first();
  await expect(comment.locator("mark").first()).toBeVisible();
  await expect(page.getByTestId("sentiment-label").first()).toBeVisible();
  await shots(page, SHOTS, "inbox-theme");
  await page.goto("/settings/text-analytics");
  await expect(page.getByRole("heading", { name: "Suggested themes" })).toBeVisible();
  await page.getByRole("heading", { name: "Suggested themes" }).scrollIntoViewIfNeeded();
  await shots(page, SHOTS, "suggestions");
});
