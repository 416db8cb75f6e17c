// Every spec imports `test` and `expect` from here instead of @playwright/test: the same API, with `baseURL` pointing
// at this worker's own server (tests/e2e/helpers/servers.ts), so the specs run in several workers at once.
import { test as base } from "@playwright/test";
import { e2eServer } from "./servers";

export * from "@playwright/test";

/**
 * Screenshots (tmp/screens/…, tmp/shots-…) are for people to look at; no assertion reads them. A full-page shot of
 * a long page costs a second or more of the CPU that the suites share, and CI keeps none, so under CI (CI=true)
 * every `screenshot()` of a page or locator does nothing unless E2E_SCREENSHOTS=1. Anywhere else they are taken,
 * unless E2E_SCREENSHOTS=0.
 */
const takesScreenshots = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS === "1" : process.env.CI !== "true";

export const test = base.extend<object, { screenshots: void }>({
  baseURL: async ({}, provide, testInfo) => provide(e2eServer(testInfo.parallelIndex).baseURL),
  // Once per worker process: Page and Locator share their classes across every context the specs open, so turning
  // the method off on the two prototypes covers `page.screenshot` and `locator.screenshot` everywhere.
  screenshots: [
    async ({ browser }, provide) => {
      if (!takesScreenshots) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const skip = async () => Buffer.alloc(0);
        for (const target of [Object.getPrototypeOf(page), Object.getPrototypeOf(page.locator("body"))])
          Object.defineProperty(target, "screenshot", { value: skip, configurable: true, writable: true });
        await context.close();
      }
      await provide();
    },
    { scope: "worker", auto: true },
  ],
});

/**
 * The database behind this worker's server, for the specs that prepare rows directly (tests/e2e/helpers/*.ts).
 * Playwright sets TEST_PARALLEL_INDEX in each worker process, the same index `testInfo.parallelIndex` gives.
 */
export function e2eDatabaseUrl(): string {
  return e2eServer(Number(process.env.TEST_PARALLEL_INDEX ?? 0)).databaseUrl;
}
