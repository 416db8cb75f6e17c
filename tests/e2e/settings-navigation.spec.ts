// Settings is a long page: an "On this page" bar links to each section, for every role's set of sections, and on a
// phone it scrolls within itself instead of widening the page.
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { noSidewaysScrollAt375 } from "./helpers/responsive-list";

for (const role of ["admin", "manager", "agent"] as const) {
  test(`every link of the settings sub-navigation leads to its section (${role})`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto("/settings");
    const nav = page.getByRole("navigation", { name: "Settings sections" });
    const links = nav.getByRole("link");
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(role === "admin" ? 11 : 2);
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const target = (await link.getAttribute("href"))!.slice(1);
      const heading = page.locator(`h2[id="${target}"]`);
      await expect(heading, `${await link.innerText()} → #${target}`).toHaveText(await link.innerText());
    }
    await nav.getByRole("link", { name: "Your organizations" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Your organizations" })).toBeInViewport();
    await noSidewaysScrollAt375(page);
    if (role === "admin") await page.screenshot({ path: "tmp/screens/settings-nav-375.png" });
  });
}
