// Customer tokens for the demo organization, as the company's own server makes them: an admin rotates the
// signing secret once (answered once; the previous one stays valid) and tokens are HMACs under it
// (docs/security/signed-customer-token.md). Without a token a ?cid= or customerExternalId links nobody.
import { expect, type Browser } from "@playwright/test";
import { signCustomerToken } from "../../../lib/customers/customer-token";
import { DEMO_PASSWORD } from "./sign-in";

let secret: Promise<string> | null = null;

async function rotateAsAdmin(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("admin@demo.resonance.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
  const res = await page.request.post("/api/v1/customer-token-secret/rotate", { data: {} });
  expect(res.status()).toBe(201);
  const { secret } = (await res.json()) as { secret: string };
  await context.close();
  return secret;
}

/** The customer's id and a token for this survey, valid an hour: `{ customerExternalId, customerToken }`. */
export async function signedCustomer(browser: Browser, publicId: string, externalId: string) {
  secret ??= rotateAsAdmin(browser);
  return {
    customerExternalId: externalId,
    customerToken: signCustomerToken(await secret, {
      publicId,
      externalId,
      expiresAt: new Date(Date.now() + 3_600_000),
    }),
  };
}

/** The hosted link's query for that customer: `cid=…&ct=…`. */
export async function signedLinkQuery(browser: Browser, publicId: string, externalId: string) {
  const c = await signedCustomer(browser, publicId, externalId);
  return `cid=${encodeURIComponent(c.customerExternalId)}&ct=${c.customerToken}`;
}
