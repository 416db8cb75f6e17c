// A CX manager opens the Support journey's live map: "Phone support call back" (a demo touchpoint that falls
// short of its promise) is marked as a friction point with a label, not colour alone; the experience-gap
// report puts an under-promise touchpoint first. Screenshots at 1280 and 375 px go to tmp/screens/.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_UNDER_PROMISE } from "../../lib/demo/catalog";
import { expectCardsOnPhoneTableOnDesktop } from "./helpers/responsive-list";

const MANAGER = { email: "manager@demo.resonance.test", password: "resonance-demo" };

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(MANAGER.email);
  await page.getByLabel("Password").fill(MANAGER.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function openSupportMap(page: Page) {
  await page.goto("/journeys");
  await page.getByRole("link", { name: /^Support/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();
}

test("the Support journey map marks the call back as a friction point", async ({ page }) => {
  await signIn(page);
  await openSupportMap(page);
  const card = page.getByRole("article", { name: /^Phone support call back/ });
  await expect(card).toHaveAccessibleName("Phone support call back, friction point");
  await expect(card.getByText("Friction point").first()).toBeVisible();
  // its numbers link to the responses and interactions behind them
  await expect(card.getByRole("link", { name: /interactions/ })).toHaveAttribute(
    "href",
    /\/interactions\?touchpointId=/,
  );
  await expect(card.getByRole("link", { name: /open on the dashboard/ }).first()).toHaveAttribute(
    "href",
    /touchpointId=/,
  );
  // ... and to the very responses behind a figure: the inbox for this touchpoint, metric and period
  const behind = card.getByRole("link", { name: /CSAT responses behind this figure/ });
  const n = Number((await behind.getAttribute("aria-label"))!.match(/The ([\d,]+) /)![1].replace(/,/g, ""));
  const inbox = await page.request.get(
    `/api/v1/responses?${(await behind.getAttribute("href"))!.split("?")[1]}&limit=100`,
  );
  expect(inbox.ok()).toBeTruthy();
  const listed = (await inbox.json()).data as { metric: string; touchpoint: { name: string } | null }[];
  expect(listed.length).toBe(Math.min(n, 100));
  for (const r of listed) expect(r).toMatchObject({ metric: "csat", touchpoint: { name: "Phone support call back" } });
  // the stage columns scroll inside a focusable region; the emotion curve has a table; the blueprint lanes are there
  await expect(page.getByRole("region", { name: /Stages of Support/ })).toHaveAttribute("tabindex", "0");
  await expect(page.getByRole("heading", { name: "Emotion curve" })).toBeVisible();
  await expect(page.locator(".recharts-line-curve")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Service blueprint" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Back-stage/ })).toBeVisible();

  // the period filter goes into the URL (GET form)
  await page.getByLabel("Period").selectOption("12m");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/preset=12m/);
  await expect(page.getByRole("article", { name: "Phone support call back, friction point" })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "tmp/screens/journey-map-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/journey-map-375.png", fullPage: true });
  // at 375 px the page itself does not scroll sideways; the stage region does
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the experience-gap report puts an under-promise touchpoint first and offers CSV", async ({ page }) => {
  await signIn(page);
  await page.goto("/reports");
  await page.getByRole("link", { name: "Open the experience-gap report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Experience gaps" })).toBeVisible();
  const firstRow = page.getByRole("region", { name: "Experience gaps by priority" }).locator("tbody tr").first();
  const name = (await firstRow.getByRole("rowheader").getByRole("link").textContent())?.trim();
  expect(DEMO_UNDER_PROMISE as readonly string[]).toContain(name);
  await expect(firstRow.getByText("Friction point")).toBeVisible();
  const csv = page.getByRole("link", { name: "Download CSV" });
  const res = await page.request.get((await csv.getAttribute("href"))!);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect((await res.text()).split("\r\n")[1]).toContain(name!);
  const fields = ["Promised", "Perceived", "n", "Gap", "Verdict", "Priority"];
  await expectCardsOnPhoneTableOnDesktop(page, "Experience gaps by priority", fields);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "tmp/screens/gap-report-1280.png" });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "tmp/screens/gap-report-print.png" });
  await expect(page.getByRole("form", { name: "Gap report filters" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/gap-report-375.png" });
});
