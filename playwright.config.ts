// Browser tests against the production build in Debian's Chromium (never a downloaded browser).
// scripts/test.mjs builds, prepares a seeded SQLite file and passes it as E2E_DATABASE_URL.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3211);
const baseURL = `http://127.0.0.1:${port}`;
// The OpenID provider the single sign-on spec starts on loopback (tests/oidc-provider.ts); the app allows it.
export const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 10_000);
// The DNS server the same spec starts on loopback (tests/dns-server.ts) for domain verification; the app's only resolver.
export const dnsPort = Number(process.env.E2E_DNS_PORT ?? port + 10_001);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tmp/playwright",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
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
  webServer: {
    // The custom server, as `npm start` runs it (server/index.ts; built by scripts/build-server.mjs).
    command: `node ${process.env.NEXT_DIST_DIR || ".next"}/resonance-server.mjs -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:tmp/test-dbs/e2e.db",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      SSO_ISSUER_ALLOWLIST: `http://127.0.0.1:${oidcPort}`,
      RESONANCE_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
      WEBHOOK_ALLOWLIST: "127.0.0.1", // the webhook spec's receiver
    },
  },
});
