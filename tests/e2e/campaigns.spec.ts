// A manager creates an e-mail campaign from the surveys page: the empty state says what to do, a missing name is
// named next to its field, the created campaign is listed with its funnel and can be paused. Screenshots at 1280
// and 375 px (no sideways scroll).
import { expect, test } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/campaigns";

test("a manager creates a campaign and pauses it", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "manager");
  // an audience to invite (the audiences spec builds one through the page; this spec must also run alone)
  const audience = await page.request.post("/api/v1/audiences", {
    data: { name: "Campaign spec audience", definition: { criteria: [{ type: "consent", states: ["given"] }] } },
  });
  expect(audience.status()).toBe(201);

  await page.goto("/surveys");
  await page.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await expect(page.getByText("No campaigns yet")).toBeVisible();
  await shots(page, SHOTS, "empty");

  const form = page.getByRole("form", { name: "New campaign" });
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("Name the campaign")).toBeVisible();
  await expect(form.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await shots(page, SHOTS, "errors");

  await form.getByLabel("Name", { exact: true }).fill("Quarterly NPS");
  await form.getByLabel("Audience").selectOption({ label: "Campaign spec audience" });
  await form.getByLabel("Repeat every (days)").fill("90");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("Campaign created")).toBeVisible();
  const table = page.getByRole("region", { name: "Campaigns" });
  await expect(table.getByText("Quarterly NPS")).toBeVisible();
  await expect(table.getByText("Active")).toBeVisible();
  await shots(page, SHOTS, "created");

  await page.getByRole("form", { name: "Pause Quarterly NPS" }).getByRole("button", { name: "Pause" }).click();
  await expect(table.getByText("Paused")).toBeVisible();
});
