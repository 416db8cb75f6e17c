// An admin adds a webhook endpoint that points at a real receiver on 127.0.0.1 (started by this test), is
// told next to the field when the URL is wrong or internal, copies the signing secret shown once, sends a test event and
// sees it delivered in the log; the receiver checks the signature. Screenshots at 1280 and 375 px go to
// tmp/shots-webhooks/.
import { expect, test, type Page } from "./helpers/test";
import { startReceiver, type Receiver } from "../webhook-receiver";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-webhooks";
let rx: Receiver;

test.beforeAll(async () => {
  rx = await startReceiver();
});
test.afterAll(async () => {
  await rx?.close();
});

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin adds an endpoint, sends a test event and sees it delivered in the log", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await page.waitForLoadState("networkidle"); // hydrated: the form submits through its action, keeping what was typed
  const table = page.getByRole("region", { name: "Webhook endpoints" });
  const rowsBefore = (await table.count()) ? await table.locator("tbody tr").count() : 0;
  if (rowsBefore === 0) {
    await expect(page.getByRole("heading", { name: "No webhook endpoints yet" })).toBeVisible();
    await shots(page, "webhooks-empty");
  }

  // a wrong URL and no events: each error is next to its field, nothing is added
  const form = page.getByRole("form", { name: "Add a webhook endpoint" });
  const url = form.getByLabel("Endpoint URL");
  await url.fill("ftp://files.example.com/in");
  for (const box of await form.getByRole("checkbox").all()) await box.uncheck();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(url).toHaveAccessibleDescription(/Only http:\/\/ and https:\/\/ URLs can receive webhooks/);
  await expect(form.getByRole("group", { name: "Events to send" })).toHaveAccessibleDescription(
    "Choose at least one event",
  );
  await expect(url).toHaveValue("ftp://files.example.com/in");
  await form.screenshot({ path: `${SHOTS}/webhooks-form-errors-1280.png` });
  await expect(table.locator("tbody tr")).toHaveCount(rowsBefore);

  // an internal address (cloud metadata, spelled as a mapped IPv6 address) is refused next to the field
  await url.fill("http://[::ffff:a9fe:a9fe]/latest/meta-data/");
  await form.getByRole("checkbox", { name: /Case opened/ }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(url).toHaveAccessibleDescription(
    /internal address, which Resonance does not send to.*WEBHOOK_ALLOWLIST/,
  );
  await form.screenshot({ path: `${SHOTS}/webhooks-form-internal-1280.png` });
  await expect(table.locator("tbody tr")).toHaveCount(rowsBefore);

  // a receiver on loopback (allow-listed for the tests: WEBHOOK_ALLOWLIST in playwright.config.ts): the secret is shown once, with a copy button
  await url.fill(`${rx.url}/e2e`);
  await form.getByLabel("Description (optional)").fill("E2E receiver");
  await form.getByRole("checkbox", { name: /Case opened/ }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const secretBox = page.getByLabel(`Signing secret for ${rx.url}/e2e`);
  await expect(secretBox).toHaveValue(/^whsec_/);
  const secret = await secretBox.inputValue();
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(rowsBefore + 1);
  await shots(page, "webhooks-created");

  // the endpoint's page: send a test event, see it delivered in the log
  await table.getByRole("link", { name: `${rx.url}/e2e` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhook endpoint" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing sent yet" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Delivered: the endpoint answered 200." })).toBeVisible();
  const row = page.getByTestId("delivery-row").first();
  await expect(row).toContainText("webhook.test");
  await expect(row).toContainText("Delivered");
  await expect(row).toContainText("200");
  await expect(row).toContainText("1 of 8");
  expect(rx.verified("/e2e", secret)).toHaveLength(1);
  expect(JSON.parse(rx.at("/e2e")[0].body)).toMatchObject({
    type: "webhook.test",
    data: { endpointId: expect.any(String) },
  });

  const details = page.getByTestId("delivery-details").first();
  await details.getByText("Payload and attempts").click();
  await expect(details.locator("pre")).toContainText('"type": "webhook.test"');
  await expect(details.getByRole("listitem").first()).toContainText("HTTP 200");
  await expect(details.getByRole("button", { name: "Retry now" })).toBeVisible();
  await shots(page, "webhooks-log");

  // back on the list, the endpoint counts the delivery
  await page.getByRole("link", { name: "Webhooks", exact: true }).click();
  await expect(table.locator("tbody tr").filter({ hasText: `${rx.url}/e2e` })).toContainText("1 delivered");
});

test("a manager cannot open the webhook settings", async ({ page }) => {
  await signInAs(page, "manager");
  const res = await page.goto("/settings/webhooks");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page needs the admin role" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a webhook endpoint" })).toHaveCount(0);
});
