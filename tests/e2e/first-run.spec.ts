// First run as an operator meets it: a fresh installation prints a setup link; the setup page refuses a wrong
// token next to its field, then creates the first admin (with the demo organization on request), signs them
// in, and marks the demo organization on every page; afterwards setup is closed. Its own server and database.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./helpers/test";
// @ts-expect-error plain ESM helper shared with the npm scripts
import { migrateDeploy } from "../../scripts/lib.mjs";
import { startServer, type RunningServer } from "../server";

let server: RunningServer;
const file = path.resolve("tmp/test-dbs/e2e-first-run.db");

test.beforeAll(async () => {
  test.setTimeout(180_000);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  await migrateDeploy(`file:${file}`);
  server = await startServer({
    databaseUrl: `file:${file}`,
    env: { NEXTAUTH_SECRET: "e2e-first-run-secret-0123456789abcdef" },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

function setupLink(): string {
  const match = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(server.output());
  if (!match) throw new Error(`no setup link in the server output:\n${server.output()}`);
  return match[1];
}

test("an operator sets up a new installation with the demo data", async ({ page }) => {
  test.setTimeout(240_000);
  await expect.poll(() => /setup\?token=/.test(server.output()), { timeout: 30_000 }).toBe(true);
  const link = new URL(setupLink());

  await page.goto(`${server.url}/login`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Resonance" })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/first-run-setup-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Setup token").fill("not-the-token");
  await page.getByRole("textbox", { name: "Organization" }).fill("Acme Retail");
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("Your e-mail").fill("ada@acme.example");
  await page.getByLabel("Choose a password").fill("quartz lantern orbit 42");
  await page.getByRole("button", { name: "Create admin and open Resonance" }).click();
  const tokenField = page.getByLabel("Setup token");
  await expect(tokenField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This is not the setup token printed by the server")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Organization" })).toHaveValue("Acme Retail"); // what was typed stays
  await page.screenshot({ path: "tmp/screens/first-run-setup-error-1280.png", fullPage: true });

  // The printed link fills the token in.
  await page.goto(`${server.url}${link.pathname}${link.search}`);
  await expect(page.getByLabel("Setup token")).toHaveValue(link.searchParams.get("token")!);
  await page.getByRole("textbox", { name: "Organization" }).fill("Acme Retail");
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("Your e-mail").fill("ada@acme.example");
  await page.getByLabel("Choose a password").fill("quartz lantern orbit 42");
  await page.getByLabel("Also add the demo organization").check();
  await page.getByRole("button", { name: "Create admin and open Resonance" }).click();
  await expect(page.getByRole("button", { name: /Setting up/ })).toBeVisible();
  await expect(page).toHaveURL(`${server.url}/`, { timeout: 180_000 });
  await expect(page.getByRole("note")).toContainText("generated sample data");
  await page.screenshot({ path: "tmp/screens/first-run-demo-dashboard-1280.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/first-run-demo-dashboard-375.png" });

  // Setup is closed now, and the printed link says so.
  await page.goto(`${server.url}${link.pathname}${link.search}`);
  await expect(page.getByRole("heading", { name: "Resonance is set up" })).toBeVisible();
});
