// A CX manager builds an NPS survey from the template, rewords its first question, links a touchpoint,
// publishes it, and a customer opening the hosted link sees the new wording. The survey is closed again at
// the end so that specs looking for the demo data's live NPS survey never pick this one.
import { expect, test, type Page } from "./helpers/test";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";
import { shots } from "./helpers/screens";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-builder";

async function noHorizontalScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

test("a manager creates an NPS survey from the template, edits it, links a touchpoint, publishes it and the link shows the edit", async ({
  page,
  browser,
}) => {
  await signInAs(page, "manager");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "New survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New survey" })).toBeVisible();

  // Template cards are radios: reachable and choosable with the keyboard.
  const nps = page.getByRole("radio", { name: /Net Promoter Score/ });
  await page.getByRole("radio", { name: /Customer satisfaction/ }).check();
  await page.getByRole("radio", { name: /Customer satisfaction/ }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(nps).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/new-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/new-375.png`, fullPage: true });
  await noHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  const name = `E2E help desk NPS ${Date.now()}`;
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByText("Name is required")).toBeVisible(); // next to the field, nothing created
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /German/ }).check();
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/surveys\/(?!new$)[A-Za-z0-9_-]+$/);
  const surveyId = page.url().split("/").pop()!;
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  // Reword the headline question; the preview (the real respondent form) follows as you type.
  const wording = "How likely are you to recommend our help desk to a friend?";
  const first = page.locator("#questions-panel li").first();
  await first.getByLabel("Question text (en)").fill(wording);
  await expect(
    page.getByRole("region", { name: "Preview" }).getByRole("group", { name: new RegExp(wording.slice(0, 30)) }),
  ).toBeVisible();
  // The German tab shows the template's German text; arrow keys move between the language tabs.
  await page.getByRole("tab", { name: "English" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "German" })).toHaveAttribute("aria-selected", "true");
  await expect(first.getByLabel("Question text (de)")).toHaveValue(/Wie wahrscheinlich/);
  // A missing translation is refused and named next to that question's text; nothing is saved.
  const second = page.locator("#questions-panel li").nth(1);
  const reason = await second.getByLabel("Question text (de)").inputValue();
  await second.getByLabel("Question text (de)").fill("");
  await page.getByRole("button", { name: "Save questions" }).click();
  await expect(second.getByText("The question is missing in de")).toBeVisible();
  await expect(second.getByLabel("Question text (de)")).toHaveAttribute("aria-invalid", "true");
  await second.getByLabel("Question text (de)").fill(reason);
  await page.getByRole("button", { name: "Save questions" }).click();
  await expect(page.getByText("Questions saved.")).toBeVisible();

  await page.getByLabel("Touchpoint").selectOption({ index: 1 });
  const touchpoint = (await page.getByLabel("Touchpoint").locator("option:checked").textContent())!;
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Survey details saved.")).toBeVisible();

  await page.screenshot({ path: `${SHOTS}/editor-1280.png`, fullPage: true });
  await page.locator("#questions-panel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/editor-1280-view.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/editor-375.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/editor-375-top.png` });
  // The sticky save bar is opaque and framed, and a field scrolled into view stops above it, not under it.
  const bar = page.getByRole("button", { name: "Save questions" }).locator("..");
  expect(await bar.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(255, 255, 255)");
  expect(await bar.evaluate((b) => getComputedStyle(b).boxShadow)).not.toBe("none");
  await page.emulateMedia({ reducedMotion: "reduce" }); // instant scrolling, so the boxes are final
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  const field = page.locator("#questions-panel li").nth(1).getByRole("textbox").first();
  await field.evaluate((e) => e.scrollIntoView({ block: "nearest" }));
  const fieldBox = (await field.boundingBox())!;
  expect(fieldBox.y + fieldBox.height, "field above the save bar").toBeLessThanOrEqual((await bar.boundingBox())!.y);
  await page.screenshot({ path: `${SHOTS}/editor-375-save-bar.png` });
  await page.emulateMedia({ reducedMotion: null });
  await page
    .locator("#questions-panel li")
    .first()
    .screenshot({ path: `${SHOTS}/editor-375-question.png` });
  await page
    .locator("#questions-panel li")
    .nth(2)
    .screenshot({ path: `${SHOTS}/editor-375-logic.png` });
  await page.getByRole("region", { name: "Distribution" }).screenshot({ path: `${SHOTS}/editor-375-distribution.png` });
  await page.getByRole("region", { name: "Preview" }).screenshot({ path: `${SHOTS}/editor-375-preview.png` });
  await noHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the link and the widget take answers now.")).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const link = await page.getByLabel("Hosted link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
  await expect(page.getByLabel("Widget snippet")).toHaveValue(new RegExp(`data-survey="${link.split("/").pop()}"`));
  // The versioned script URL, which browsers cache for a year (not /embed.js, revalidated every few minutes).
  await expect(page.getByLabel("Widget snippet")).toHaveValue(/<script src="http:\/\/[^"]+\/embed\/[0-9a-f]{16}\.js"/);

  const detail = await (await page.request.get(`/api/v1/surveys/${surveyId}`)).json();
  expect(detail).toMatchObject({ status: "live", touchpoint: { name: touchpoint.split(" · ").pop() } });

  const context = await browser.newContext({ locale: "en-GB" });
  const customer = await context.newPage();
  await customer.goto(link);
  await expect(customer.getByRole("group", { name: new RegExp(wording.slice(0, 30)) })).toBeVisible();
  await customer.goto(`${link}?lang=de`);
  await expect(customer.getByRole("group", { name: /Wie wahrscheinlich/ })).toBeVisible();
  await context.close();

  expect((await page.request.post(`/api/v1/surveys/${surveyId}/close`)).status()).toBe(200);
});

test("the survey list is a card per survey on a phone and a table on a wide screen", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/surveys");
  const fields = ["Type", "Status", "Touchpoint", "Responses", "Public id", "Created"];
  await expectCardsOnPhoneTableOnDesktop(page, "Surveys", fields);
  await shots(page, "tmp/shots-phone-lists", "surveys");
});
