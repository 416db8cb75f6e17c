// An agent finds a customer from any page with the keyboard, or creates one when nobody matches.
import { expect, test } from "@playwright/test";
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
  await box.pressSequentially(`${first} ${last.slice(0, 2)}`.toLowerCase());
  const option = page.getByRole("option", { name: new RegExp(someone.name) }).first();
  await expect(option).toBeVisible();
  const options = page.getByRole("option");
  const index = (await options.allTextContents()).findIndex((t) => t.includes(someone.name));
  for (let i = 0; i <= index; i++) await box.press("ArrowDown");
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
