// A manager builds an audience on the demo data: the preview counts change as criteria are added, a bad criterion
// names its field, and the saved audience is listed with its count. Attribute values are typed (the same digits as
// text or as numbers match different customers); a saved definition that no longer parses is flagged and matches no
// one; a CSV list over 1 MB uploads through the API route with its progress. Agents get the 403 page.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page, e2eDatabaseUrl } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/audiences";

async function settledCount(page: Page, testId: string): Promise<number> {
  await expect(page.getByTestId("preview-status")).toHaveText("Up to date", { timeout: 15_000 });
  return Number((await page.getByTestId(testId).innerText()).replace(/,/g, ""));
}

test("a manager builds an audience and watches the preview", async ({ page }) => {
  test.setTimeout(180_000); // two preview rounds and three pairs of screenshots on a busy machine
  await signInAs(page, "manager");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Audiences" }).click();
  await expect(page.getByRole("heading", { name: "Audiences", level: 1 })).toBeVisible();
  // The demo's own audiences are listed (lib/demo/distribution.ts).
  await expect(page.getByRole("link", { name: "Plus and Pro customers" })).toBeVisible();

  const everyone = await settledCount(page, "preview-matched");
  expect(everyone).toBeGreaterThan(100);
  await shots(page, SHOTS, "empty");

  // A tags row with no tag: the field says what is missing, and the preview waits for a valid definition.
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await expect(page.getByText("Add at least one tag")).toBeVisible();

  await page.getByLabel("Criterion 1", { exact: true }).selectOption("attribute");
  await page.getByLabel("Attribute", { exact: true }).fill("plan");
  await page.getByLabel("Value", { exact: true }).fill("pro");
  const pro = await settledCount(page, "preview-matched");
  expect(pro).toBeGreaterThan(0);
  expect(pro).toBeLessThan(everyone);

  // Narrower: also not opted out.
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await page.getByLabel("Criterion 2", { exact: true }).selectOption("consent");
  await page.getByRole("checkbox", { name: "Opted out" }).check();
  await page.getByRole("checkbox", { name: "Exclude these" }).nth(1).check();
  const proNotOptedOut = await settledCount(page, "preview-matched");
  expect(proNotOptedOut).toBeLessThanOrEqual(pro);
  await expect(page.getByTestId("excluded-opted_out").locator("span").last()).toHaveText("0");
  const reachable = await settledCount(page, "preview-reachable");
  expect(reachable).toBeLessThanOrEqual(proNotOptedOut);
  // The sample links each customer to their page.
  await expect(page.getByRole("region", { name: "Preview" }).locator('a[href^="/customers/"]').first()).toBeVisible();

  await page.getByLabel("Name").first().fill("Pro plan, not opted out");
  await page.getByRole("button", { name: "Save audience" }).click();
  await expect(page).toHaveURL(/\/settings\/audiences\/\w+$/);
  await expect(page.getByRole("heading", { name: "Pro plan, not opted out" })).toBeVisible();
  expect(await settledCount(page, "preview-matched")).toBe(proNotOptedOut);
  await shots(page, SHOTS, "builder");

  // The list renders before any count: each row's count is fetched afterwards (held back here until released).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/audiences/*/count", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/settings/audiences");
  const row = page.getByRole("row", { name: /Pro plan, not opted out/ });
  await expect(row.getByTestId("audience-counting")).toHaveText(/counting…/);
  await shots(page, SHOTS, "list-counting");
  release();
  await expect(row.getByTestId("audience-count")).toHaveText(proNotOptedOut.toLocaleString("en-US"));
  await page.unroute("**/api/v1/audiences/*/count");
  await shots(page, SHOTS, "list");
});

const root = path.resolve(import.meta.dirname, "../..");

function breakAudience(id: string) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/helpers/break-audience.ts", id],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() } },
  );
}

test("attribute values are typed; an unreadable saved definition is flagged and matches no one", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "manager");
  await page.goto("/settings/audiences");
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await page.getByLabel("Criterion 1", { exact: true }).selectOption("attribute");
  await page.getByLabel("Attribute", { exact: true }).fill("tenureMonths");
  await page.getByLabel("Is", { exact: true }).selectOption("in");
  const tenures = Array.from({ length: 23 }, (_, i) => String(18 + i)).join(", ");
  await page.getByLabel("Values", { exact: true }).fill(tenures);
  // The demo's tenureMonths are numbers: the same digits compared as text match no one.
  await expect(page.getByLabel("Compared as")).toHaveValue("text");
  expect(await settledCount(page, "preview-matched")).toBe(0);
  await page.getByLabel("Compared as").selectOption("number");
  const asNumbers = await settledCount(page, "preview-matched");
  expect(asNumbers).toBeGreaterThan(0);

  await page.getByLabel("Name").first().fill("Tenure 18 to 40 months");
  await page.getByRole("button", { name: "Save audience" }).click();
  await expect(page).toHaveURL(/\/settings\/audiences\/\w+$/);
  const id = page.url().split("/").pop()!;
  // The stored definition keeps its type.
  await expect(page.getByLabel("Compared as")).toHaveValue("number");
  expect(await settledCount(page, "preview-matched")).toBe(asNumbers);
  await shots(page, SHOTS, "builder-typed");

  breakAudience(id);
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "saved definition is invalid" })).toBeVisible();
  await expect(page.getByTestId("definition-problems")).toContainText("definition.criteria.0.value: Enter a number");
  await expect(page.getByTestId("preview-invalid")).toBeVisible();
  await expect(page.getByTestId("preview-matched")).toHaveText("0");
  await shots(page, SHOTS, "builder-invalid");

  await page.goto("/settings/audiences");
  const row = page.getByRole("row", { name: /Tenure 18 to 40 months/ });
  await expect(row).toContainText("Invalid definition: matches no one");
  await expect(page.getByTestId("audience-counting")).toHaveCount(0); // every count has arrived
  await shots(page, SHOTS, "list-invalid");
});

test("a CSV list over 1 MB uploads through the API with its progress; a bad row is named", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "manager");
  await page.goto("/settings/audiences");
  const customers = (await (await page.request.get("/api/v1/customers?limit=100")).json()) as {
    data: Array<{ email: string | null; erasedAt: string | null }>;
  };
  const emails = customers.data.filter((c) => c.email && !c.erasedAt).map((c) => c.email!);
  expect(emails.length).toBeGreaterThan(10);
  const filler = "x".repeat(300);
  const lines = ["email,note"];
  for (let i = 0; lines.join("\n").length < 1_300_000; i++) lines.push(`${emails[i % emails.length]},${filler}`);
  const big = Buffer.from(`${lines.join("\n")}\n`);
  expect(big.length).toBeGreaterThan(1_048_576); // over a server action's 1 MB body limit

  const form = page.getByRole("form", { name: "Upload a list" });
  await form.getByLabel("Name").fill("Big list");
  await form.getByLabel("CSV file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: big });
  await form.getByRole("button", { name: "Upload list" }).click();
  const saved = form.getByText(/Saved “Big list”: \d+ customers\./);
  await expect(saved).toBeVisible({ timeout: 60_000 });
  const members = Number(/: (\d+) customers/.exec(await saved.innerText())![1]);
  expect(members).toBeGreaterThanOrEqual(new Set(emails).size);
  await expect(page.getByRole("row", { name: /Big list/ })).toContainText(`List of ${members}`);

  const bad = Buffer.from(`email\n${emails[0]}\nnobody-${Date.now()}@example.test\n`);
  await form.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: bad });
  await form.getByRole("button", { name: "Upload list" }).click();
  await expect(form.getByTestId("upload-problems")).toContainText(
    "rows[3].email: No customer with this e-mail address",
  );
  await expect(form.getByRole("alert")).toContainText("nothing was saved");
});

test("agents cannot open audiences", async ({ page }) => {
  await signInAs(page, "agent");
  const res = await page.goto("/settings/audiences");
  expect(res?.status()).toBe(403);
});
