// Opens the customer search with its keyboard shortcut. The shortcut works once the page has hydrated;
// a "/" pressed before that does nothing (for a user too), so the key is pressed again until it takes.
import { expect, type Page } from "@playwright/test";

export async function pressSearchShortcut(page: Page) {
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
