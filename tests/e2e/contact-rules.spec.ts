// Settings → Contact rules: a blank cap and an unknown time zone are named next to their fields (what was typed
// stays), and a correct rule is saved. Screenshots of the section at 1280 and 375 px (no sideways scroll). It saves
// the values it found back (another spec may have changed them: campaigns.spec.ts turns the quiet hours off).
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { noSidewaysScroll } from "./helpers/screens";

const SHOTS = "tmp/screenshots/contact-rules";

test("a manager corrects and saves the contact rules", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/settings#contact-rules");
  const form = page.getByRole("form", { name: "Contact rules" });
  const cap = form.getByLabel("At most one invitation per customer every (days)");
  const found = { cap: await cap.inputValue(), zone: await form.getByLabel("Time zone").inputValue() };
  expect(found.cap).toMatch(/^\d+$/);

  await cap.fill("");
  await form.getByLabel("Time zone").fill("Mars/Base");
  await form.getByRole("button", { name: "Save contact rules" }).click();
  await expect(form.getByText("Enter a whole number of days from 0 to 365")).toBeVisible();
  await expect(cap).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Not a time zone (e.g. Europe/Zurich)")).toBeVisible();
  await expect(form.getByLabel("Time zone")).toHaveValue("Mars/Base");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page);
    await form.screenshot({ path: `${SHOTS}/errors-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await cap.fill(found.cap);
  await form.getByLabel("Time zone").fill(found.zone);
  await form.getByRole("button", { name: "Save contact rules" }).click();
  await expect(form.getByText("Contact rules saved.")).toBeVisible();
  await expect(cap).not.toHaveAttribute("aria-invalid", "true");
  await form.screenshot({ path: `${SHOTS}/saved-1280.png` });
});
