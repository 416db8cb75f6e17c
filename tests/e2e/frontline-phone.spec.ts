// A frontline agent on a 375 px phone: the log-interaction form, the customer 360, "My cases" (with a "Work
// case" link where a case is resolved) and a case page never scroll sideways; the top bar stays at the top of
// the screen while the page scrolls. A manager's import report fits too. Screenshots go to tmp/shots-frontline2/.
import { expect, test, type Locator, type Page } from "./helpers/test";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";
import { shots as shotsAt1280And375 } from "./helpers/screens";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-frontline2";
const PHONE = { width: 375, height: 812 };

/** The page itself never scrolls sideways (tables scroll inside their own region). */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "page width at 375 px").toBeLessThanOrEqual(PHONE.width);
}

async function shoot(page: Page, name: string) {
  await expectNoSidewaysScroll(page);
  // From the top: a full-page capture of a scrolled page draws the sticky top bar where the screen was.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
}

type Contact = { id: string; name: string; phone: string | null; email: string | null };

/** A phone number dials (tel:, digits only) and an e-mail address opens a message, where the customer has them. */
async function expectContactLinks(scope: Locator, contact: Pick<Contact, "phone" | "email">) {
  if (contact.phone)
    await expect(scope.getByRole("link", { name: contact.phone })).toHaveAttribute("href", /^tel:\+?\d+$/);
  if (contact.email)
    await expect(scope.getByRole("link", { name: contact.email })).toHaveAttribute("href", `mailto:${contact.email}`);
}

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

test("an agent on a phone logs an interaction, reads the 360 and works a case from My cases", async ({ page }) => {
  await signInAs(page, "agent");
  const customers: Contact[] = (await (await page.request.get("/api/v1/customers?limit=100")).json()).data;
  const customer = customers.find((c) => c.phone && c.email)!;

  await page.goto(`/interactions/new?customerId=${customer.id}`);
  await expect(page.getByRole("button", { name: "Log interaction" })).toBeVisible();
  await shoot(page, "log-interaction");
  // On a touch screen there is no keyboard-shortcut hint; after Save the result shows beside the button, in view
  // (the "Just logged" list is below the form, off screen).
  expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
  await expect(page.getByText("Ctrl+Enter saves from anywhere in the form.")).toBeHidden();
  await expect(page.getByText("Ctrl+Enter saves.", { exact: true })).toBeHidden();
  // nor a "/" to press in the quick search's placeholder
  await expect(page.getByRole("combobox", { name: "Find a customer" })).toHaveAttribute(
    "placeholder",
    "Find a customer",
  );
  await page.getByRole("button", { name: "Log interaction" }).click();
  const result = page.getByTestId("last-saved");
  await expect(result).toHaveText(`Saved: No touchpoint · Resolved for ${customer.name}. Ready for the next one.`);
  await expect(result).toBeInViewport();
  await shoot(page, "log-interaction-saved");

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();
  await expectContactLinks(page.getByRole("region", { name: "Profile" }), customer);
  // Attributes read as words ("tenureMonths" is the stored key), and the timeline comes before the privacy tools.
  await expect(page.getByText("Tenure months", { exact: true })).toBeVisible();
  await expect(page.getByText("tenureMonths", { exact: true })).toHaveCount(0);
  const timelineTop = (await page.getByRole("heading", { level: 2, name: "Timeline" }).boundingBox())!.y;
  const privacyTop = (await page.getByRole("heading", { level: 2, name: "Privacy" }).boundingBox())!.y;
  expect(timelineTop).toBeLessThan(privacyTop);
  await shoot(page, "customer-360");
  // Scrolled down on a phone, the top bar (brand + Menu) is still at the top of the screen.
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeInViewport();
  expect((await menu.boundingBox())!.y).toBeLessThan(56);
  await page.screenshot({ path: `${SHOTS}/customer-360-scrolled-375.png` });

  await page.goto("/cases?mine=true");
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await shoot(page, "my-cases");
  // On a phone each case shows its status, due date and "Overdue" without scrolling sideways, and "Work case"
  // (resolving needs a note, so it is done on the case page); the status select is for wide screens.
  const first = page.getByRole("row").nth(1);
  await first.scrollIntoViewIfNeeded(); // below the loop-closure figure and its definition on a phone
  await expect(first.getByText("Overdue").filter({ visible: true })).toBeInViewport();
  await expect(first.locator('td[data-label="Due"]')).toBeVisible();
  await expect(page.getByRole("combobox", { name: /^Status of/ })).toHaveCount(0);
  const work = first.getByRole("link", { name: /^Work case/ });
  await expect(work).toBeInViewport();
  await work.click();
  const form = page.getByRole("form", { name: "Work this case" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Status").locator("option", { hasText: "Resolved" })).toHaveCount(1);
  // The customer's phone number (when known) dials from the case page; the e-mail opens a message.
  const card = page.getByRole("region", { name: "Customer" });
  const customerId = (await card.getByRole("link").first().getAttribute("href"))!.split("/").pop();
  await expectContactLinks(card, await (await page.request.get(`/api/v1/customers/${customerId}`)).json());
  await shoot(page, "case");
});

test("a manager's import report fits a phone", async ({ page }) => {
  await signInAs(page, "manager");
  const tag = Date.now().toString(36).slice(-5);
  const csv = [
    "externalId,name,email",
    `PH-${tag}-1,Phone Import,phone.${tag}@example.test`,
    `PH-${tag}-2,Bad Mail,not-an-email`,
  ].join("\n");
  await page.goto("/customers/import?kind=customers");
  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "phone.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("2 data rows in phone.csv")).toBeVisible();
  await shoot(page, "import-mapping");
  await page.getByRole("radio", { name: "Skip bad rows" }).check();
  await page.getByRole("button", { name: /^Import 2 rows$/ }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rows with problems" }).getByRole("row").nth(1)).toContainText(
    "Not a valid e-mail address",
  );
  await shoot(page, "import-report");
});

test("the survey editor counts responses with a thousands separator", async ({ page }) => {
  await signInAs(page, "manager");
  const surveys: { id: string; name: string; responseCount?: number }[] = await (
    await page.request.get("/api/v1/surveys")
  ).json();
  const big = surveys.find((s) => s.name === "Relationship NPS")!; // the demo's largest survey, 10,000+ responses
  await page.goto(`/surveys/${big.id}`);
  await expect(page.getByText(/^\d{1,3}(,\d{3})+ responses$/)).toBeVisible();
});

test("the case list is a card per case on a phone, with every column, and a table on a wide screen", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/cases");
  await expectCardsOnPhoneTableOnDesktop(page, "Cases", ["Customer", "Owner", "Status", "Due", "Opened"]);
  await shotsAt1280And375(page, "tmp/shots-phone-lists", "cases");
});
