// Signs a demo user in through the login form (every demo login shares one password).
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "resonance-demo";

/** A demo login by its local part: the organization-wide roles, or a member scoped to a unit (docs/hierarchy.md). */
export type DemoLogin = "admin" | "manager" | "agent" | "agent2" | "viewer" | "region.manager" | "store.manager";

export async function signInAs(page: Page, role: DemoLogin) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(`${role}@demo.resonance.test`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}
