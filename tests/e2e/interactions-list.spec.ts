// The interactions list's filters as an agent uses them: pick an outcome and "Logged by: Your systems", apply, and
// every row shown matches while the count says how many; a bad value in a shared link is named next to its field
// and the list still shows; on a phone the filters fold into a disclosure that says how many are active.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screens/interactions-list";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "agent");
});

test("filters narrow the list, the count follows, and the URL can be shared", async ({ page }) => {
  await page.goto("/interactions");
  const count = page.getByTestId("match-count");
  await expect(count).toContainText(/interactions, newest first/);
  const all = Number((await count.innerText()).replace(/[^\d]/g, "").slice(0, 5));

  const filters = page.getByRole("form", { name: "Interaction filters" });
  await filters.getByLabel("Outcome").selectOption({ label: "Escalated" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=escalated/);
  await expect(count).toContainText("match these filters");
  const escalated = Number((await count.innerText()).replace(/[^\d]/g, ""));
  expect(escalated).toBeGreaterThan(0);
  expect(escalated).toBeLessThan(all);
  // every shown row carries the Escalated badge in its outcome cell
  const outcomes = await page.getByRole("cell", { name: /^(Resolved|Follow-up|Escalated|No action)$/ }).allInnerTexts();
  expect(outcomes.length).toBeGreaterThan(0);
  expect(new Set(outcomes)).toEqual(new Set(["Escalated"]));

  await shots(page, SHOTS, "filtered");

  // the same link in a new tab shows the same selection
  const again = await page.context().newPage();
  await again.goto(page.url());
  await expect(again.getByTestId("match-count")).toHaveText(await count.innerText());
  await again.close();
});

test("a bad value in a link is named next to its field; the list still shows", async ({ page }) => {
  await page.goto("/interactions?emotion=9&outcome=resolved");
  const field = page.getByLabel("How the customer felt");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use a number from −2 to 2")).toBeVisible();
  await expect(page.getByTestId("match-count")).toContainText("match these filters");
});

test("on a phone the filters fold away and say how many are active", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/interactions?by=api&outcome=follow_up");
  const summary = page.locator("summary", { hasText: "Filters" });
  await expect(summary).toContainText("2 active");
  await expect(page.getByLabel("Outcome")).toBeHidden();
  await summary.click();
  await expect(page.getByLabel("Logged by")).toHaveValue("api");
  await page.screenshot({ path: `${SHOTS}/phone-open-375.png`, fullPage: true });
});
