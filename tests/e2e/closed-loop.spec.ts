// Closed loop: a detractor's score from an e-mail link opens a follow-up case at once; the agent sees it on
// the customer's timeline and moves it on in the cases list and resolves it on its page.
import { expect, test } from "./helpers/test";
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

test("resolving the case of a customer who opted out offers no re-survey, and says why", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);

  const stamp = Date.now().toString(36);
  const name = `Opted Out ${stamp}`;
  const customer = await (
    await page.request.post("/api/v1/customers", {
      data: { name, externalId: `OPT-${stamp}`, email: `opt-${stamp}@example.test`, consent: false },
    })
  ).json();
  // An interaction marked "follow-up needed" opens a case for them.
  const logged = await page.request.post("/api/v1/interactions", {
    data: { customerId: customer.id, outcome: "follow_up", note: "Wants a call back", clientId: `opt-${stamp}` },
  });
  expect(logged.status()).toBe(201);
  const cases = (await (await page.request.get("/api/v1/cases?limit=100")).json()).data as Array<{
    id: string;
    customer: { id: string } | null;
  }>;
  const kase = cases.find((c) => c.customer?.id === customer.id)!;

  await page.goto(`/cases/${kase.id}`);
  const form = page.getByRole("form", { name: "Work this case" });
  await form.getByLabel("Status").selectOption("resolved");
  await form.getByLabel(/Resolution note/).fill("Called back.");
  await expect(form.getByText("No re-survey: the customer has opted out of surveys.")).toBeVisible();
  await expect(form.getByLabel("Send the customer a short re-survey")).toHaveCount(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await form.scrollIntoViewIfNeeded();
    await form.screenshot({ path: `tmp/screens/case-resolve-opted-out-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await form.getByRole("button", { name: "Resolve case" }).click();
  await expect(form.getByText("Case saved as resolved.")).toBeVisible();
  await expect(page.getByTestId("resurvey-link")).toHaveCount(0);
  await expect(form.getByRole("button", { name: /copy link/i })).toHaveCount(0);
});

test("loop closure on /cases counts the dashboard's detractors, and says what it measures", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("manager@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
  const summary = await (await page.request.get("/api/v1/metrics/summary?preset=90d")).json();
  const detractors: number = summary.current.nps.detractors;
  expect(detractors).toBeGreaterThan(100);
  await page.goto("/cases");
  const loop = page.getByTestId("loop-closure");
  await expect(loop).toContainText("of detractor responses acted on within 48 h");
  await expect(loop).toContainText(`(n = ${detractors}, `);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await loop.screenshot({ path: `tmp/screens/cases-loop-closure-${width}.png` });
  }
});
