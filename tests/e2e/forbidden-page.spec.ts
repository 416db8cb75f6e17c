// A member who opens a page their role does not give gets the 403 page inside the app shell (HTTP 403): which
// role the page needs, their own, what each role may do, and a way back — under the CSP, without a violation.
// Screenshots at 1280 and 375 px go to tmp/screens/.
import { expect, test } from "./helpers/test";
import { shots } from "./helpers/screens";
import { watchCsp } from "./helpers/csp-watch";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/screens";

test("a viewer who opens the survey builder gets the 403 page and finds the way back", async ({ page }) => {
  const problems = watchCsp(page);
  await signInAs(page, "viewer");
  const res = await page.goto("/surveys/new");
  expect(res?.status()).toBe(403);
  expect(res?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(page.getByRole("heading", { level: 1, name: "This page needs the manager role" })).toBeVisible();
  await expect(
    page.getByText("You are a viewer in this organization. Only managers and admins can open it."),
  ).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible(); // inside the app shell
  await expect(page.getByRole("form")).toHaveCount(0); // nothing of the refused page
  await shots(page, SHOTS, "forbidden-viewer-survey-builder");
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(problems).toEqual([]);
});

test("an agent who opens a journey's editor, and a manager the audit log, get the role each needs", async ({
  page,
}) => {
  await signInAs(page, "agent");
  const journeys = await (await page.request.get("/api/v1/journeys")).json();
  const res = await page.goto(`/journeys/${journeys[0].id}/edit`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "This page needs the manager role" })).toBeVisible();
  await expect(page.getByText("You are an agent in this organization.", { exact: false })).toBeVisible();

  await page.context().clearCookies();
  await signInAs(page, "manager");
  const audit = await page.goto("/settings/audit");
  expect(audit?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "This page needs the admin role" })).toBeVisible();
  await shots(page, SHOTS, "forbidden-manager-audit");
});
