// Browser tests against the production build in Debian's Chromium (never a downloaded browser).
// scripts/test.mjs builds, prepares a seeded SQLite file (E2E_DATABASE_URL) and a copy of it for every further worker
// (E2E_WORKERS): each worker has its own server and database (tests/e2e/helpers/servers.ts), and the specs take
// `test` from tests/e2e/helpers/test.ts, whose baseURL is their worker's server.
import { defineConfig } from "@playwright/test";
import { e2eServers, e2eWorkers } from "./tests/e2e/helpers/servers";

const port = e2eServers[0].port;
const baseURL = e2eServers[0].baseURL;
// The OpenID provider the single sign-on spec starts on loopback (tests/oidc-provider.ts); the app allows it.
export const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 10_000);
// The DNS server the same spec starts on loopback (tests/dns-server.ts) for domain verification; the app's only resolver.
export const dnsPort = Number(process.env.E2E_DNS_PORT ?? port + 10_001);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tmp/playwright",
  timeout: 120_000, // the suite shares two cores with the integration suites (scripts/test.mjs runs them side by side)
  // A sign-in lands on the dashboard, the heaviest page: with four integration shards beside it on two cores that
  // has taken over 15 s (CI of f5c2f6d).
  expect: { timeout: 30_000 },
  workers: e2eWorkers,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    // A trace records every test as it runs (a screencast of each page) to keep the failing ones: up to a third of
    // the browser's CPU. CI keeps no files, only its log (with each failure's error context), so it records none.
    trace: process.env.CI === "true" ? "off" : "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  // One production server per worker: the custom server, as `npm start` runs it (server/index.ts; built by
  // scripts/build-server.mjs), on the worker's port and database.
  webServer: e2eServers.map((server) => ({
    command: `node ${process.env.NEXT_DIST_DIR || ".next"}/resonance-server.mjs -H 127.0.0.1 -p ${server.port}`,
    url: `${server.baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: server.databaseUrl,
      NEXTAUTH_URL: server.baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      SSO_ISSUER_ALLOWLIST: `http://127.0.0.1:${oidcPort}`,
      RESONANCE_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
      WEBHOOK_ALLOWLIST: "127.0.0.1", // the webhook spec's receiver
    },
  })),
});
