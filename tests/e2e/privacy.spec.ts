// An admin handles a customer's privacy request end to end: records the opt-out (the consent history grows),
// downloads the customer's data as JSON, erases the customer (a wrong confirmation is refused next to the
// field), and finds the erasure in the audit log filtered by action. The customer is made for this run, so
// the demo data other specs rely on is untouched. Screenshots at 1280 and 375 px go to tmp/shots-privacy/.
// And the widget on a company's site never shows a survey to an identified customer who opted out.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page, e2eDatabaseUrl } from "./helpers/test";
import { signedCustomer } from "./helpers/customer-token";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/shots-privacy";

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an admin exports, then erases a customer and finds the erasure in the audit log", async ({ page }) => {
  await signInAs(page, "admin");
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `Erin Privacy ${tag}`;
  const created = await page.request.post("/api/v1/customers", {
    data: {
      name,
      email: `erin.${tag}@example.test`,
      externalId: `E2E-${tag}`,
      consent: true,
      attributes: { plan: "pro" },
    },
  });
  expect(created.status()).toBe(201);
  const customerId = (await created.json()).id as string;
  const logged = await page.request.post("/api/v1/interactions", {
    data: { customerId, outcome: "resolved", note: `Erin asked what we store about ${name}` },
  });
  expect(logged.status()).toBe(201);

  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const privacy = page.locator("#privacy");
  const history = privacy.getByRole("region", { name: "Consent history" }).locator("tbody tr");
  await expect(history).toHaveCount(1);

  // the customer opts out: recorded with source and who
  const consent = privacy.getByRole("form", { name: "Consent to surveys" });
  await expect(async () => {
    await consent.getByLabel("Opted out").check();
    await consent.getByRole("button", { name: "Save consent" }).click();
    await expect(consent.getByText("Consent saved and added to the history.")).toBeVisible({ timeout: 2_000 });
  }).toPass(); // the first click may land before hydration
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("Declined");
  await expect(history.first()).toContainText("In the app");
  await expect(history.first()).toContainText("Morgan Reyes");

  // Download data (JSON)
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    privacy.getByRole("link", { name: "Download data (JSON)" }).click(),
  ]);
  const doc = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(doc.customer).toMatchObject({ id: customerId, name, consent: false, attributes: { plan: "pro" } });
  expect(doc.interactions[0].note).toBe(`Erin asked what we store about ${name}`);
  expect(doc.consentHistory).toHaveLength(2);

  await page.setViewportSize({ width: 1280, height: 900 });
  await privacy.screenshot({ path: `${SHOTS}/customer-privacy-1280.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await privacy.getByText("Erase this customer…").click();
  await privacy.screenshot({ path: `${SHOTS}/customer-privacy-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // erase: a wrong confirmation is named next to the field and changes nothing; the name confirms
  const erase = privacy.getByRole("form", { name: "Erase customer" });
  const confirm = erase.getByLabel(/to confirm/);
  await confirm.fill("Erin");
  await erase.getByRole("button", { name: "Erase customer" }).click();
  await expect(erase.getByText("Type the customer's name or ERASE to confirm")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await confirm.fill(name);
  await erase.getByRole("button", { name: "Erase customer" }).click();
  await expect(privacy.getByText(/Erased: 0 response\(s\) anonymised, 1 interaction note\(s\)/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Erased customer" })).toBeVisible();
  await expect(privacy.getByText(/Erased on .*cannot be undone/)).toBeVisible();
  await expect(page.getByText(`Erin asked what we store`)).toHaveCount(0);
  await expect(privacy.getByRole("link", { name: "Download data (JSON)" })).toHaveCount(0);

  // the audit log, filtered by action
  await page.goto("/settings");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("customer.erased");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=customer\.erased/);
  const entries = page.getByTestId("audit-entry");
  await expect(entries.first()).toContainText("customer.erased");
  await expect(entries.first()).toContainText(customerId);
  await expect(entries.first()).toContainText("Morgan Reyes");
  await expect(entries.first()).not.toContainText(name);
  for (const text of await entries.allInnerTexts()) expect(text).toContain("customer.erased");

  await page.screenshot({ path: `${SHOTS}/audit-log-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/audit-log-375.png`, fullPage: true });

  // the settings page's retention section, at both widths
  await page.goto("/settings#retention");
  await expect(page.getByTestId("retention-preview")).toBeVisible();
  await noSidewaysScroll(page);
  await page.locator("#retention").screenshot({ path: `${SHOTS}/retention-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator("#retention").screenshot({ path: `${SHOTS}/retention-1280.png` });
});

test("the embedded widget shows nothing to a signed-in customer who opted out, and an unsigned id reveals nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  const root = path.resolve(import.meta.dirname, "../..");
  const appUrl = String(baseURL);
  const helper = (...args: string[]) =>
    String(
      execFileSync(
        process.execPath,
        [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/helpers/embed-survey.ts", ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
        },
      ),
    );
  let survey: { id: string; publicId: string } | undefined;
  // The company's site signs a customer token for its signed-in customer (docs/security/signed-customer-token.md);
  // ?unsigned=1 renders the same page without one, as a forger would.
  const tokens = new Map<string, string>();
  const site = http.createServer((req, res) => {
    const q = new URL(req.url ?? "/", "http://x").searchParams;
    const customer = q.get("customer") ?? "";
    const token = q.get("unsigned") ? "" : (tokens.get(customer) ?? "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script src="${appUrl}/embed.js" data-survey="${survey?.publicId}" data-customer="${customer}" data-customer-token="${token}" data-throttle-days="0" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  try {
    survey = JSON.parse(helper(siteUrl));
    await signInAs(page, "admin");
    const tag = Math.random().toString(36).slice(2, 8);
    for (const [externalId, consent] of [
      [`OUT-${tag}`, false],
      [`IN-${tag}`, true],
    ] as const) {
      const res = await page.request.post("/api/v1/customers", {
        data: { name: `Widget ${externalId}`, externalId, consent },
      });
      expect(res.status()).toBe(201);
      tokens.set(externalId, (await signedCustomer(browser, survey!.publicId, externalId)).customerToken);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const visitor = await context.newPage();
    const asked = visitor.waitForResponse((r) => r.url().includes(`/api/v1/public/surveys/${survey!.publicId}?`));
    await visitor.goto(`${siteUrl}/shop?customer=OUT-${tag}`);
    expect(await (await asked).json()).toEqual({ publicId: survey!.publicId, eligible: false, reason: "opted_out" });
    await visitor.evaluate(() =>
      (window as unknown as { Resonance: { open(force: boolean): Promise<void> } }).Resonance.open(true),
    );
    await expect(visitor.getByRole("dialog")).toHaveCount(0);
    // the same page for a customer who consents shows the survey (the check above is not vacuous)
    await visitor.goto(`${siteUrl}/shop?customer=IN-${tag}`);
    await expect(visitor.getByRole("dialog")).toBeVisible();
    // without the token the opted-out customer's id is only a claim: the answer is the one anyone gets
    const unsigned = visitor.waitForResponse((r) => r.url().includes(`/api/v1/public/surveys/${survey!.publicId}?`));
    await visitor.goto(`${siteUrl}/shop?customer=OUT-${tag}&unsigned=1`);
    expect((await (await unsigned).json()).eligible).toBeUndefined();
    await expect(visitor.getByRole("dialog")).toBeVisible();
    await context.close();
  } finally {
    if (survey) helper("--close", survey.id);
    await new Promise((resolve) => site.close(resolve));
  }
});
