// Case detail: an agent opens a detractor case from "My cases", sees what triggered it, picks a root cause,
// tries to resolve without a note (error next to the field), resolves with a note and a re-survey, and gets
// the link to pass on (the e2e server has no SMTP). Screenshots at 1280 and 375 px for review.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

test("an agent resolves a detractor case with a root cause, a note and a re-survey", async ({ page }) => {
  await signInAs(page, "agent");
  await page.goto("/cases?mine=true");
  // A detractor case of a customer who accepts surveys (an opted-out customer is never offered a re-survey).
  const links = page.getByRole("main").getByRole("link", { name: /^Detractor/ });
  const cases = await links.evaluateAll((as) => as.map((a) => [a.getAttribute("href")!, a.textContent!.trim()]));
  let title = "";
  const form = page.getByRole("form", { name: "Work this case" });
  for (const [href, text] of cases) {
    await page.goto(href);
    // the form says whether a re-survey is possible once "resolved" is chosen
    await form.getByLabel("Status").selectOption("resolved");
    const resurvey = form.getByLabel("Send the customer a short re-survey");
    await expect(resurvey.or(form.getByTestId("resurvey-opted-out"))).toBeVisible();
    if ((await resurvey.count()) === 1) {
      title = text;
      break;
    }
  }
  expect(title, "a detractor case of a customer who accepts surveys").not.toBe("");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseUrl = page.url();
  await expect(page.getByTestId("case-trigger")).toContainText("A response to");
  await expect(page.getByRole("region", { name: "Customer" }).getByRole("link").first()).toHaveAttribute(
    "href",
    /\/customers\//,
  );

  await page.screenshot({ path: "tmp/shots-cases/case-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/shots-cases/case-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await form.getByLabel("Root cause").selectOption("Long wait");
  await form.getByLabel("Status").selectOption("resolved");
  await expect(form.getByLabel("Send the customer a short re-survey")).toBeChecked();
  await form.getByRole("button", { name: "Resolve case" }).click();
  const note = form.getByLabel(/Resolution note/);
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#case-resolution-error")).toHaveText(/Describe how the case was resolved/);
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/cases/${caseUrl.split("/").pop()}`)).json()).status)
    .not.toBe("resolved");
  await page.screenshot({ path: "tmp/shots-cases/case-error-1280.png", fullPage: true });

  await note.fill("Called the customer, apologised for the wait and credited the month.");
  await form.getByRole("button", { name: "Resolve case" }).click();
  await expect(form.getByText("Case saved as resolved.")).toBeVisible();
  const shown = form.getByTestId("resurvey-link");
  await expect(shown).toContainText("Not e-mailed");
  await expect(shown.getByRole("textbox", { name: "Re-survey link" })).toHaveValue(
    /\/s\/[^?]+\?cid=[^&]+&ct=\d+\.[\w-]{43}$/,
  );
  await expect(shown.getByRole("button", { name: "Copy link" })).toBeVisible();
  await page.screenshot({ path: "tmp/shots-cases/case-resolved-1280.png", fullPage: true });

  await page.reload();
  const history = page.getByRole("list", { name: "Case history" });
  await expect(history).toContainText("Re-survey link shown");
  await expect(history).toContainText("Resolved");
  await expect(page.getByRole("form", { name: "Work this case" }).getByLabel("Root cause")).toHaveValue("Long wait");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("form", { name: "Work this case" }).screenshot({ path: "tmp/shots-cases/case-form-375.png" });
  await page.getByRole("list", { name: "Case history" }).screenshot({ path: "tmp/shots-cases/case-history-375.png" });
  await page.screenshot({ path: "tmp/shots-cases/case-resolved-375.png", fullPage: true });
});

test("a manager edits the case rules and the root causes in Settings", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/settings#case-rules");
  const rules = page.getByRole("form", { name: "Case rules" });
  await rules.getByLabel("NPS threshold").fill("11");
  await rules.getByRole("button", { name: "Save case rules" }).click();
  await expect(page.locator("#rule-nps-max-error")).toHaveText("Enter a whole number from 0 to 10");
  await rules.getByLabel("NPS threshold").fill("5");
  await rules.getByLabel("Due after (hours)").fill("24");
  await rules.getByRole("button", { name: "Save case rules" }).click();
  await expect(rules.getByText("Case rules saved.")).toBeVisible();

  const causes = page.getByRole("form", { name: "Root causes" });
  await causes.getByRole("button", { name: "Add a root cause" }).click();
  await causes.getByRole("textbox", { name: "Root cause 8", exact: true }).fill("Network outage");
  await causes.getByRole("button", { name: "Remove Policy" }).click();
  await causes.getByRole("button", { name: "Save root causes" }).click();
  await expect(causes.getByText("Root causes saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Case rules" }).getByLabel("NPS threshold")).toHaveValue("5");
  await expect(page.getByRole("form", { name: "Root causes" }).getByRole("textbox")).toHaveCount(7);
  await expect(
    page.getByRole("form", { name: "Root causes" }).getByRole("textbox", { name: "Root cause 7", exact: true }),
  ).toHaveValue("Network outage");
  await page.getByRole("region", { name: "Follow-up cases" }).screenshot({ path: "tmp/shots-cases/settings-1280.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("region", { name: "Follow-up cases" }).screenshot({ path: "tmp/shots-cases/settings-375.png" });
});
