// Settings → Contact rules: a manager sees the defaults, a blank cap and an unknown time zone are named next to
// their fields (what was typed stays), and a correct rule is saved. Screenshots of the section at 1280 and 375 px
// (no sideways scroll). It saves the defaults back, so the other specs meet the organization as seeded.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { noSidewaysScroll } from "./helpers/screens";

const SHOTS = "tmp/screenshots/contact-rules";

test("a manager corrects and saves the contact rules", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/settings#contact-rules");
  const form = page.getByRole("form", { name: "Contact rules" });
  await expect(form.getByText("These are the defaults")).toBeVisible();
  const cap = form.getByLabel("At most one invitation per customer every (days)");
  await expect(cap).toHaveValue("30");

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

  await cap.fill("30");
  await form.getByLabel("Time zone").fill("UTC");
  await form.getByRole("button", { name: "Save contact rules" }).click();
  await expect(form.getByText("Contact rules saved.")).toBeVisible();
  await expect(cap).not.toHaveAttribute("aria-invalid", "true");
  await form.screenshot({ path: `${SHOTS}/saved-1280.png` });
});
