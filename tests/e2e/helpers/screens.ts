// Screenshots at 1280 and 375 px, checking that the narrow page does not scroll sideways. (Older specs keep
// their own copies of these two functions; new ones use this.)
import { expect, type Page } from "@playwright/test";

export async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** `fullPage: false` for very long pages (the API reference): a whole-page shot of those takes longer than a test may. */
export async function shots(page: Page, dir: string, name: string, { fullPage = true } = {}) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${dir}/${name}-1280.png`, fullPage });
  await page.setViewportSize({ width: 375, height: 800 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${dir}/${name}-375.png`, fullPage });
  await page.setViewportSize({ width: 1280, height: 800 });
}
