// Every spec imports `test` and `expect` from here instead of @playwright/test: the same API, with `baseURL` pointing
// at this worker's own server (tests/e2e/helpers/servers.ts), so the specs run in several workers at once.
import { test as base } from "@playwright/test";
import { e2eServer } from "./servers";

export * from "@playwright/test";

export const test = base.extend({
  baseURL: async ({}, provide, testInfo) => provide(e2eServer(testInfo.parallelIndex).baseURL),
});

/**
 * The database behind this worker's server, for the specs that prepare rows directly (tests/e2e/helpers/*.ts).
 * Playwright sets TEST_PARALLEL_INDEX in each worker process, the same index `testInfo.parallelIndex` gives.
 */
export function e2eDatabaseUrl(): string {
  return e2eServer(Number(process.env.TEST_PARALLEL_INDEX ?? 0)).databaseUrl;
}
