// Closed loop: a detractor's score from an e-mail link opens a follow-up case at once; the agent sees it on
// the customer's timeline and moves it on in the cases list and resolves it on its page.
import { expect, test } from "@playwright/test";
import { signedLinkQuery } from "./helpers/customer-token";

test("a detractor response opens a case that an agent works to resolved", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);

  const surveys: { id: string; publicId: string; type: string; status: string }[] = await (
    await page.request.get("/api/v1/surveys")
  ).json();
  const survey = surveys.find((s) => s.type === "nps" && s.status === "live")!;
  const name = `Loop Tester ${Date.now().toString(36)}`;
  const externalId = `LOOP-${Date.now()}`;
  const created = await page.request.post("/api/v1/customers", { data: { name, externalId } });
  expect(created.status()).toBe(201);
  const customerId = (await created.json()).id as string;

  // The customer clicks "2" in the survey e-mail (a signed link): the score alone is saved as a partial response.
  const respondent = await browser.newContext();
  await (
    await respondent.newPage()
  ).goto(`/s/${survey.publicId}?${await signedLinkQuery(browser, survey.publicId, externalId)}&score=2`);
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/api/v1/responses?surveyId=${survey.id}&customerId=${customerId}`)).json()).data
          .length,
      { timeout: 15_000 },
    )
    .toBe(1);
  await respondent.close();

  const cases = (await (await page.request.get("/api/v1/cases?limit=100")).json()).data as Array<{
    id: string;
    title: string;
    status: string;
    customer: { id: string } | null;
  }>;
  const kase = cases.find((c) => c.customer?.id === customerId);
  expect(kase).toMatchObject({ title: "Detractor: NPS 2", status: "open" });

  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole("link", { name: "Detractor: NPS 2" })).toBeVisible();

  await page.goto("/cases?status=open");
  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("combobox").selectOption("in_progress");
  await row.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/cases/${kase!.id}`)).json()).status)
    .toBe("in_progress");
  // Resolving needs a note: the list says so and its "Work case" link opens the case page.
  await page.goto("/cases?status=in_progress");
  await expect(page.getByText(/Resolve a case on its page/)).toBeVisible();
  await page
    .getByRole("row")
    .filter({ hasText: name })
    .getByRole("link", { name: /^Work case/ })
    .click();
  const form = page.getByRole("form", { name: "Work this case" });
  await form.getByLabel("Status").selectOption("resolved");
  await form.getByLabel(/Resolution note/).fill("Called back and sorted it out.");
  await form.getByLabel("Send the customer a short re-survey").uncheck();
  await form.getByRole("button", { name: "Resolve case" }).click();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/cases/${kase!.id}`)).json()).status)
    .toBe("resolved");
  await page.goto("/cases?status=resolved");
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
});
