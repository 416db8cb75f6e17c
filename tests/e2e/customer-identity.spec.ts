// An admin makes the customer-token signing secret (Settings → Customer identity): it is shown once, the page then
// names it only by its last four characters, and a rotation keeps the previous one valid for the chosen period.
// Screenshots at 1280 and 375 px go to tmp/screens/.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

test("an admin makes and rotates the customer-token secret, shown once", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage customer identity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customer identity" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Other specs may already have made one (they sign their links with it): create or rotate, whichever is offered.
  const create = page.getByRole("button", { name: "Create secret" });
  if (await create.isVisible()) {
    await create.click();
    await expect(page.getByRole("textbox", { name: /^Signing secret …/ })).toHaveValue(/^rct_[A-Za-z0-9_-]{43}$/);
    await page.reload();
  }
  const form = page.getByRole("form", { name: "Rotate the signing secret" });
  await form.getByLabel("Keep the current secret valid for").selectOption("24");
  await form.getByRole("button", { name: "Rotate secret" }).click();
  const shown = page.getByRole("textbox", { name: /^Signing secret …/ });
  await expect(shown).toHaveValue(/^rct_[A-Za-z0-9_-]{43}$/);
  const secret = await shown.inputValue();
  await expect(page.getByText("Copy this secret now: it will not be shown again.")).toBeVisible();
  await expect(page.getByText(/The previous secret stays valid until/)).toBeVisible();
  await shots(page, "tmp/screens", "customer-identity-secret");

  await page.reload();
  await expect(page.getByText(`…${secret.slice(-4)}, made`)).toBeVisible();
  await expect(page.getByText("Previous secret").first()).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await shots(page, "tmp/screens", "customer-identity");
});
