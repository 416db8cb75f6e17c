// The app runs under its strict Content-Security-Policy (nonce + 'strict-dynamic', proxy.ts): the pages of
// every area hydrate and react to input, and the browser reports no violation. An XSS payload stored as a
// customer's name is shown as text and never runs.
import { expect, test } from "./helpers/test";
import { watchCsp as watch } from "./helpers/csp-watch";
import { signInAs } from "./helpers/sign-in";
import { pressSearchShortcut } from "./helpers/customer-search";

test("every area hydrates under the CSP without a single violation", async ({ page }) => {
  const problems = watch(page);
  await signInAs(page, "manager"); // the sign-in form itself is client-side: it worked under the policy
  for (const path of ["/", "/customers", "/interactions", "/cases", "/journeys", "/surveys", "/reports", "/settings"]) {
    const res = await page.goto(path);
    expect(res?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  // Hydrated: the keyboard shortcut of the customer search (a client component) works.
  await page.goto("/");
  await pressSearchShortcut(page);
  await expect(page.getByRole("combobox").first()).toBeFocused();
  expect(problems).toEqual([]);
});

test("a script stored in a customer's name is shown as text and never runs", async ({ page }) => {
  const problems = watch(page);
  await signInAs(page, "agent");
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>Eve`;
  const created = await page.request.post("/api/v1/customers", {
    data: { name: payload, email: `xss-${Date.now()}@example.test` },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  await page.goto(`/customers/${id}`);
  await expect(page.getByRole("heading", { name: payload })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(problems).toEqual([]);
});
