// A manager builds a journey in the editor: creates it, adds three stages, moves one with the keyboard
// (dnd-kit's keyboard sensor: Space, arrow, Space), adds a touchpoint with its promise (target CSAT 4.5;
// an out-of-scale target is refused next to its field first), fills a blueprint lane, then opens the live
// map and finds the stages in the new order and the touchpoint with its promise. Screenshots of the
// editor at 1280 and 375 px go to tmp/shots-editor/.
import { expect, test, type Page } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-editor";

const status = (page: Page) => page.getByTestId("editor-status");
const stageNames = (page: Page) => page.getByTestId("stage-column").locator("h2").allTextContents();

test("a manager builds a journey and sees it on the live map", async ({ page }) => {
  const name = `E2E onboarding ${Date.now().toString(36)}`;
  await signInAs(page, "manager");
  await page.goto("/journeys");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("button", { name: "New journey" }).click();
  await page.screenshot({ path: `${SHOTS}/new-journey-375.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description (optional)").fill("From first visit to first value");
  await page.getByRole("button", { name: "Create and edit" }).click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+\/edit$/);
  await expect(page.getByRole("heading", { level: 1, name: `Edit: ${name}` })).toBeVisible();

  for (const stage of ["Discover", "Sign up", "First value"]) {
    await page.getByLabel("New stage").fill(stage);
    await page.getByRole("button", { name: "Add stage" }).click();
    await expect(status(page)).toHaveText(`Added the stage “${stage}”.`);
  }
  expect(await stageNames(page)).toEqual(["Discover", "Sign up", "First value"]);

  // keyboard reorder: focus the handle, pick up, one place left, drop
  await page.getByRole("button", { name: "Reorder stage First value" }).focus();
  // each step is spoken in dnd-kit's live region; waiting for it also lets the sensor measure the columns
  const spoken = page.locator("[id^=DndLiveRegion]");
  await page.keyboard.press("Space");
  await expect(spoken).toContainText("Picked up stage First value, at position 3 of 3.");
  await page.keyboard.press("ArrowLeft");
  await expect(spoken).toContainText("Stage First value is over position 2 of 3.");
  await page.keyboard.press("Space");
  await expect(spoken).toContainText("Stage First value dropped at position 2 of 3.");
  await expect(status(page)).toHaveText("Moved “First value” to position 2 of 3.");
  expect(await stageNames(page)).toEqual(["Discover", "First value", "Sign up"]);
  // the move buttons do the same, one place at a time
  await expect(page.getByRole("button", { name: "Move Discover left" })).toBeDisabled();

  // a touchpoint with its promise; an out-of-scale CSAT target is named next to its field first
  await page.getByRole("button", { name: "Add touchpoint to Discover" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a touchpoint" });
  await dialog.getByLabel("Name").fill("Welcome email");
  await dialog.getByLabel("Channel").selectOption({ label: "Email" });
  await dialog.getByLabel("Promise").fill("In your inbox within a minute");
  await dialog.getByLabel("CSAT (1–5)").fill("6");
  await dialog.getByRole("button", { name: "Add touchpoint" }).click();
  await expect(dialog.getByLabel("CSAT (1–5)")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Target CSAT must be between 1 and 5")).toBeVisible();
  await dialog.getByLabel("CSAT (1–5)").fill("4.5");
  await dialog.getByLabel("SERVQUAL dimension").selectOption("responsiveness");
  await dialog.getByRole("button", { name: "Add touchpoint" }).click();
  await expect(status(page)).toHaveText("Added “Welcome email”.");
  const item = page.getByRole("listitem", { name: "Welcome email" });
  await expect(item).toContainText("Targets: CSAT 4.5");

  // a blueprint lane of Sign up
  const signUp = page.getByRole("listitem", { name: /: Sign up$/ });
  await signUp.getByText("Service blueprint").click();
  await signUp.getByLabel("Back-stage").fill("Account provisioning job");
  await signUp.getByRole("button", { name: "Save blueprint" }).click();
  await expect(status(page)).toHaveText("Saved the blueprint of “Sign up”.");

  await page.screenshot({ path: `${SHOTS}/editor-1280.png`, fullPage: true });
  // The stages scroll inside their own region; the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/editor-375.png`, fullPage: true });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  await page.getByRole("button", { name: "Edit touchpoint Welcome email" }).click();
  const editDialog = page.getByRole("dialog", { name: "Edit touchpoint “Welcome email”" });
  await expect(editDialog.getByLabel("CSAT (1–5)")).toHaveValue("4.5");
  await page.screenshot({ path: `${SHOTS}/touchpoint-dialog-375.png` });
  await editDialog.getByRole("button", { name: "Cancel" }).click();
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("link", { name: "View live map" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const map = page.getByRole("region", { name: new RegExp(`Stages of ${name}`) });
  await expect(map.locator("li[data-stage] h2")).toHaveText([/Discover/, /First value/, /Sign up/]);
  await map.getByRole("button", { name: /Welcome email/ }).click();
  const card = page.getByRole("dialog").getByRole("article", { name: "Welcome email" });
  await expect(card).toContainText("“In your inbox within a minute”");
  await expect(card).toContainText("target 4.5");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("cell", { name: "Account provisioning job" })).toBeVisible();

  // archive a stage (asks first), find it under "Show archived", restore it at the end
  await page.getByRole("link", { name: "Edit journey" }).click();
  await page.getByRole("button", { name: "Archive stage First value" }).click();
  await page
    .getByRole("group", { name: /Archive “First value”\?/ })
    .getByRole("button", { name: "Archive" })
    .click();
  await expect(status(page)).toContainText("Archived the stage “First value”");
  expect(await stageNames(page)).toEqual(["Discover", "Sign up"]);
  await page.getByLabel("Show archived").check();
  await page.screenshot({ path: `${SHOTS}/archived-1280.png`, fullPage: true });
  await page.getByRole("button", { name: "Restore stage First value" }).click();
  await expect(status(page)).toHaveText("Restored the stage “First value” at the end of the journey.");
  expect(await stageNames(page)).toEqual(["Discover", "Sign up", "First value"]);
});

test("the editor of a five-stage journey fits a 1280 px screen: the stages scroll inside their region", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/journeys");
  await page.getByRole("link", { name: /^Support/ }).click();
  await page.getByRole("link", { name: "Edit journey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit: Support" })).toBeVisible();
  const stages = page.getByRole("region", { name: /^Stages in journey order/ });
  expect(await stages.evaluate((r) => r.scrollWidth > r.clientWidth), "the stages overflow their region").toBe(true);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/support-editor-1280.png` });
});
