// A customer answers the demo organization's NPS survey through its hosted link — no login, keyboard only —
// and the CX manager finds the response through the API. The link's customer id and token (?cid=&ct=, as
// Resonance's e-mails carry them) attach the response to that customer, which is how the test finds exactly its own response among the demo data.
import { expect, test, type APIRequestContext, type Browser, type Page } from "./helpers/test";
import { signedLinkQuery } from "./helpers/customer-token";
import { expectScaleOnOneRow } from "./helpers/responsive-list";

const ADMIN = { email: "admin@demo.resonance.test", password: "resonance-demo" };

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The demo NPS survey and a fresh customer to attribute the response to, set up with the admin session. */
async function setUp(admin: APIRequestContext) {
  const surveys: { id: string; publicId: string; type: string; status: string }[] = await (
    await admin.get("/api/v1/surveys")
  ).json();
  const survey = surveys.find((s) => s.type === "nps" && s.status === "live");
  expect(survey, "the demo data has a live NPS survey").toBeTruthy();
  const externalId = `E2E-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const created = await admin.post("/api/v1/customers", { data: { name: "Hosted Survey Tester", externalId } });
  expect(created.status()).toBe(201);
  return { survey: survey!, externalId, customerId: (await created.json()).id as string };
}

async function responsesOf(admin: APIRequestContext, surveyId: string, customerId: string) {
  const res = await admin.get(`/api/v1/responses?surveyId=${surveyId}&customerId=${customerId}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()).data as {
    score: number;
    comment: string | null;
    completed: boolean;
    locale: string | null;
    metric: string;
    category: string;
  }[];
}

// The browser's language (Chromium derives Accept-Language from it).
async function respondent(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

test("a customer answers the hosted NPS survey with the keyboard and the response is stored", async ({
  page,
  browser,
}) => {
  await signIn(page);
  const { survey, externalId, customerId } = await setUp(page.request);

  const { context, page: customer } = await respondent(browser, "en-GB");
  await customer.goto(`/s/${survey.publicId}?${await signedLinkQuery(browser, survey.publicId, externalId)}`);
  await expect(customer.getByRole("heading", { level: 1, name: "Your feedback" })).toBeVisible();
  const group = customer.getByRole("group", { name: /recommend/i });
  await expect(group.getByRole("radio", { name: "0 – Not at all likely" })).toBeVisible();
  await expect(group.getByRole("radio", { name: "10 – Extremely likely" })).toBeVisible();

  // Keyboard only: Tab into the scale, arrows to 9, Tab to the comment, Tab to Send, Enter.
  await customer.locator("body").click({ position: { x: 5, y: 5 } });
  await customer.keyboard.press("Tab"); // the language links come after the form; the first stop is the scale
  await expect(group.getByRole("radio", { name: /^0/ })).toBeFocused();
  for (let i = 0; i < 9; i++) await customer.keyboard.press("ArrowRight");
  await customer.getByRole("group", { name: /recommend/i }).screenshot({ path: "tmp/screens/hosted-survey-focus.png" });
  await expect(group.getByRole("radio", { name: "9", exact: true })).toBeChecked();
  await customer.keyboard.press("Tab");
  const comment = `Keyboard-only answer ${externalId}`;
  await expect(customer.getByRole("textbox")).toBeFocused();
  await customer.keyboard.type(comment);
  await customer.screenshot({ path: "tmp/screens/hosted-survey-1280.png", fullPage: true });
  await customer.setViewportSize({ width: 375, height: 800 });
  await customer.screenshot({ path: "tmp/screens/hosted-survey-375.png", fullPage: true });
  // 0–10 stays one row on a phone, with "Extremely likely" under 10 (not under 5 of a wrapped row).
  await expectScaleOnOneRow(group.locator("label"), group.locator("div[aria-hidden=true] > span"));
  expect(
    await customer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await customer.keyboard.press("Tab");
  await expect(customer.getByRole("button", { name: "Send" })).toBeFocused();
  await customer.keyboard.press("Enter");

  const thanks = customer.getByRole("heading", { name: "Thank you!" });
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  await customer.screenshot({ path: "tmp/screens/hosted-survey-thanks-375.png", fullPage: true });
  await context.close();

  const stored = await responsesOf(page.request, survey.id, customerId);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    metric: "nps",
    score: 9,
    category: "promoter",
    comment,
    completed: true,
    locale: "en",
  });
});

test("an e-mail link's score counts at once as a partial response, in the respondent's language", async ({
  page,
  browser,
}) => {
  await signIn(page);
  const { survey, externalId, customerId } = await setUp(page.request);

  const { context, page: customer } = await respondent(browser, "de-DE");
  await customer.goto(`/s/${survey.publicId}?score=3&${await signedLinkQuery(browser, survey.publicId, externalId)}`);
  await expect(customer.getByRole("heading", { level: 1, name: "Ihr Feedback" })).toBeVisible();
  await expect(customer.getByRole("radio", { name: "3", exact: true })).toBeChecked();
  await expect(customer.getByRole("radio", { name: "0 – Überhaupt nicht wahrscheinlich" })).toBeVisible();

  // The respondent closes the page after clicking the score in the e-mail: the score is already stored.
  await expect
    .poll(async () => (await responsesOf(page.request, survey.id, customerId)).map((r) => [r.score, r.completed]))
    .toEqual([[3, false]]);
  await customer.screenshot({ path: "tmp/screens/hosted-survey-de-1280.png", fullPage: true });

  // …or comes back in the same tab and completes it: still one response.
  await customer.reload();
  await customer.getByRole("textbox").fill("Zu lange Wartezeit");
  await customer.getByRole("button", { name: "Senden" }).click();
  await expect(customer.getByRole("heading", { name: "Vielen Dank!" })).toBeVisible();
  await context.close();
  const stored = await responsesOf(page.request, survey.id, customerId);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    score: 3,
    category: "detractor",
    comment: "Zu lange Wartezeit",
    completed: true,
    locale: "de",
  });
});

test("a missing answer is shown next to its question, and focus moves there", async ({ page, browser }) => {
  await signIn(page);
  const { survey, externalId, customerId } = await setUp(page.request);
  const { context, page: customer } = await respondent(browser, "en-GB");
  await customer.setViewportSize({ width: 375, height: 800 });
  await customer.goto(`/s/${survey.publicId}?${await signedLinkQuery(browser, survey.publicId, externalId)}`);
  await customer.getByRole("textbox").fill("I forgot the score");
  await customer.getByRole("button", { name: "Send" }).click();
  const group = customer.getByRole("group", { name: /recommend/i });
  await expect(group.getByText("Please answer this question.")).toBeVisible();
  await expect(group.getByRole("radio", { name: /^0/ })).toBeFocused();
  await expect(customer.getByRole("alert").filter({ hasText: "Please check the marked answers." })).toBeVisible();
  await customer.screenshot({ path: "tmp/screens/hosted-survey-error-375.png", fullPage: true });
  expect(await responsesOf(page.request, survey.id, customerId)).toHaveLength(0);

  // fixing it clears the message and completes the response
  await customer.keyboard.press("ArrowRight");
  await expect(group.getByText("Please answer this question.")).toBeHidden();
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await context.close();
  expect(await responsesOf(page.request, survey.id, customerId)).toMatchObject([
    { score: 1, comment: "I forgot the score", completed: true },
  ]);
});
