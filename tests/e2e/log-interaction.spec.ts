// An agent finds a customer, logs an interaction in a few keystrokes, and sees it on the timeline; a save
// that fails on the network keeps the entry (even across a reload) and a retry stores it exactly once.
import { expect, test, type Page } from "./helpers/test";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";
import { shots } from "./helpers/screens";

async function signInAsAgent(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent@demo.resonance.test");
  await page.getByLabel("Password").fill("resonance-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function someCustomer(page: Page): Promise<{ id: string; name: string }> {
  return (await (await page.request.get("/api/v1/customers?limit=1")).json()).data[0];
}

test("find a customer, log an interaction, see it on their timeline", async ({ page }) => {
  await signInAsAgent(page);
  const customer = await someCustomer(page);
  const note = `Asked about roaming ${Date.now()}`;
  await page.goto("/interactions/new");
  await page.getByRole("combobox", { name: "Customer", exact: true }).pressSequentially(customer.name.toLowerCase());
  await page
    .getByRole("option", { name: new RegExp(customer.name) })
    .first()
    .click();
  await page.getByLabel("Touchpoint").selectOption({ index: 1 });
  await page.getByText("Follow-up", { exact: true }).click();
  await page.getByText("Unhappy", { exact: true }).click();
  await page.getByLabel("Note (optional)").fill(note);
  await page.getByLabel("Note (optional)").press("Control+Enter");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "tmp/screens/log-interaction-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("region", { name: "Just logged" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(note, { exact: true })).toBeVisible();
  // "Follow-up" opened a case by the organization's default rule; it is on the timeline too.
  await expect(page.getByRole("link", { name: `Follow up: ${note}` })).toBeVisible();
});

test("a failed save keeps the entry across a reload and a retry stores it once", async ({ page }) => {
  await signInAsAgent(page);
  const customer = await someCustomer(page);
  const note = `Retry me ${Date.now()}`;
  await page.goto(`/interactions/new?customerId=${customer.id}`);
  await page.route("**/api/v1/interactions", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.getByLabel("Note (optional)").fill(note);
  await page.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByRole("region", { name: "Just logged" }).getByText(/not saved/i)).toBeVisible();
  await expect(page.getByTestId("last-saved")).toHaveText(/^Not saved: kept under “Just logged” to retry\./);
  await page.reload();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await page.unroute("**/api/v1/interactions");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Retry" }).waitFor({ state: "detached" });
  const list = await (await page.request.get(`/api/v1/interactions?customerId=${customer.id}&limit=50`)).json();
  expect(list.data.filter((i: { note: string | null }) => i.note === note)).toHaveLength(1);
});

test("the interactions list is a card per interaction on a phone and a table on a wide screen", async ({ page }) => {
  await signInAsAgent(page);
  await page.goto("/interactions");
  const fields = ["Customer", "Touchpoint", "Channel", "Staff", "Outcome", "Emotion", "Note"];
  await expectCardsOnPhoneTableOnDesktop(page, "Interactions", fields);
  await shots(page, "tmp/shots-phone-lists", "interactions");
});
