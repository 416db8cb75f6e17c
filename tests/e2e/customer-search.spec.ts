// An agent finds a customer from any page with the keyboard, or creates one when nobody matches.
import { expect, test, type Page } from "./helpers/test";
import { pressSearchShortcut } from "./helpers/customer-search";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";
import { shots } from "./helpers/screens";

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("press /, type the start of a name, pick with the arrows, Enter opens the customer", async ({ page }) => {
  const someone = (await (await page.request.get("/api/v1/customers?limit=1")).json()).data[0];
  const [first, last] = (someone.name as string).split(" ");
  await page.goto("/interactions");
  await pressSearchShortcut(page);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute("placeholder", "Find a customer — press /"); // a mouse and a keyboard: the hint
  await box.pressSequentially(`${first} ${last.slice(0, 2)}`.toLowerCase());
  const option = page.getByRole("option", { name: new RegExp(someone.name) }).first();
  await expect(option).toBeVisible();
  // Down until the highlighted option is theirs (a later answer of the search may reorder the list meanwhile).
  const selected = page.getByRole("listbox").getByRole("option", { selected: true });
  await expect(async () => {
    await box.press("ArrowDown");
    await expect(selected).toContainText(someone.name, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await box.press("Enter");
  await expect(page).toHaveURL(/\/customers\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: someone.name })).toBeVisible();
});

test("no match → create the customer inline with the typed name", async ({ page }) => {
  const name = `Zq${Date.now().toString(36)} Newperson`;
  await pressSearchShortcut(page);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.pressSequentially(name);
  const create = page.getByRole("option", { name: /create customer/i });
  await expect(create).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/quick-search-375.png" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/customers\?new=/);
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await page.getByRole("button", { name: /add customer/i }).click();
  await expect(page.getByText(/customer added/i)).toBeVisible();
  const found = await (await page.request.get(`/api/v1/customers?q=${name.split(" ")[0]}`)).json();
  expect(found.data.map((c: { name: string }) => c.name)).toEqual([name]);
});

test("the customer list is a card per customer on a phone and a table on a wide screen", async ({ page }) => {
  await page.goto("/customers");
  const fields = ["E-mail", "External id", "Tags", "Consent", "Created"];
  await expectCardsOnPhoneTableOnDesktop(page, "Customers", fields);
  await shots(page, "tmp/shots-phone-lists", "customers");
});

/**
 * Holds every customer search answer back until the test calls the returned release, so that the test acts while
 * the search is in flight however slow the machine is (a fixed delay could pass before the test pressed Enter).
 */
async function holdSearch(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/v1\/customers\?.*q=/, async (route) => {
    await released;
    await route.continue().catch(() => {}); // an aborted (superseded) search
  });
  return release;
}

test("typing a taken name fast and pressing Enter never lands on the Add-customer form", async ({ page }) => {
  const name = `Twin${Date.now().toString(36)} Evans`;
  for (const allowSameName of [false, true]) {
    const res = await page.request.post("/api/v1/customers", { data: { name, allowSameName } });
    expect(res.status()).toBe(201);
  }
  const release = await holdSearch(page);
  await pressSearchShortcut(page);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.fill(name);
  const create = page.getByRole("option", { name: /create customer/i });
  await expect(page.getByTestId("customer-search-pending")).toBeVisible();
  await expect(create).toHaveCount(0); // not while the search is in flight
  await box.press("Enter");
  release();
  await expect(page.getByRole("option", { name: new RegExp(name) })).toHaveCount(2, { timeout: 10_000 });
  await expect(create).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe("/"); // Enter waited, and two matches are for the agent to pick
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/customers\/[A-Za-z0-9_-]+$/);
});

test("Enter pressed while the search is in flight opens the one customer it finds", async ({ page }) => {
  const name = `Solo${Date.now().toString(36)} Person`;
  const created = await (await page.request.post("/api/v1/customers", { data: { name } })).json();
  const release = await holdSearch(page);
  await pressSearchShortcut(page);
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.fill(name);
  await expect(page.getByTestId("customer-search-pending")).toBeVisible();
  await box.press("Enter");
  release();
  await expect(page).toHaveURL(new RegExp(`/customers/${created.id}$`));
});

test("adding a customer whose name is taken lists the namesakes with links and asks first", async ({ page }) => {
  const name = `Namesake${Date.now().toString(36)} Jones`;
  const first = await (
    await page.request.post("/api/v1/customers", { data: { name, email: `ns-${Date.now()}@example.test` } })
  ).json();
  await page.request.post("/api/v1/customers", { data: { name, allowSameName: true, externalId: `NS-${Date.now()}` } });
  await page.goto(`/customers?new=${encodeURIComponent(name)}#add-customer`);
  const form = page.getByRole("form", { name: "Add customer" });
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await form.getByRole("button", { name: "Add customer" }).click();
  const warning = form.getByRole("alert").filter({ hasText: `2 customers are already called “${name}”.` });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("link", { name })).toHaveCount(2);
  await expect(warning.getByRole("link", { name }).first()).toHaveAttribute("href", `/customers/${first.id}`);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await warning.scrollIntoViewIfNeeded();
    await form.screenshot({ path: `tmp/screens/add-customer-same-name-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  let found = await (await page.request.get(`/api/v1/customers?q=${encodeURIComponent(name)}`)).json();
  expect(found.data).toHaveLength(2); // nothing added yet
  await form.getByRole("button", { name: "Add as a new customer" }).click();
  await expect(form.getByText(/customer added/i)).toBeVisible();
  found = await (await page.request.get(`/api/v1/customers?q=${encodeURIComponent(name)}`)).json();
  expect(found.data).toHaveLength(3);
});
