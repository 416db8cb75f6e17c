// The embeddable widget on a company's own site: a plain page on another origin (with hostile global CSS)
// pastes the <script> snippet; a visitor answers with the keyboard only; the manager finds exactly one
// response with the right score and channel; the widget is not shown again (throttle); its styles are
// isolated in a shadow root. The survey is created in the demo organization by a tsx helper (see there).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page, e2eDatabaseUrl } from "./helpers/test";
import { expectScaleOnOneRow } from "./helpers/responsive-list";

const ADMIN = { email: "admin@demo.resonance.test", password: "resonance-demo" };
const root = path.resolve(import.meta.dirname, "../..");
let site: http.Server;
let siteUrl: string;
let survey: { id: string; publicId: string; channels: Record<string, string> };
// The snippet as the app shows it: the script's versioned URL (lib/surveys/embed-asset.ts).
const embedPath = `/embed/${createHash("sha256")
  .update(fs.readFileSync(path.join(root, "public/embed.js")))
  .digest("hex")
  .slice(0, 16)}.js`;

function page(appUrl: string, trigger: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Northwind shop</title><style>* { color: red !important; font-size: 40px !important; font-family: serif !important }</style></head>
<body><h1>Northwind shop</h1><p>Fibre broadband from 29 a month.</p><button id="open" onclick="Resonance.open(true)">Give feedback</button>
<script src="${appUrl}${embedPath}" data-survey="${survey.publicId}" data-trigger="${trigger}" data-channel="mobile_app" data-throttle-days="30" data-position="bottom-right" async></script>
</body></html>`;
}

test.beforeAll(async ({ baseURL }) => {
  const appUrl = String(baseURL);
  site = http.createServer((req, res) => {
    const trigger = new URL(req.url ?? "/", "http://x").searchParams.get("trigger") ?? "load";
    if (!req.url?.startsWith("/shop")) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(appUrl, trigger));
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  survey = JSON.parse(helper(siteUrl));
});

test.afterAll(async () => {
  if (survey) helper("--close", survey.id); // other specs take "the newest live NPS survey" of the demo data
  await new Promise((resolve) => site?.close(resolve));
});

function helper(...args: string[]): string {
  return String(
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/helpers/embed-survey.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
      },
    ),
  );
}

async function signIn(p: Page) {
  await p.goto("/login");
  await p.getByLabel("E-mail").fill(ADMIN.email);
  await p.getByLabel("Password").fill(ADMIN.password);
  await p.getByRole("button", { name: /sign in/i }).click();
  await expect(p).toHaveURL(/\/$/);
}

/** Computed styles inside the widget's shadow root (the page's `*` rule must not reach them). */
const insideStyles = (p: Page) =>
  p.evaluate(() => {
    const shadow = document.querySelector("[data-resonance]")!.shadowRoot!;
    return [...shadow.querySelectorAll("h2, button, label, span")].map((e) => {
      const cs = getComputedStyle(e);
      return { color: cs.color, fontSize: cs.fontSize };
    });
  });

test("a visitor answers the embedded widget with the keyboard; one response is stored and the widget is not shown again", async ({
  page,
  browser,
}) => {
  await signIn(page);
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  const visitor = await context.newPage();
  await visitor.goto(`${siteUrl}/shop`);

  const dialog = visitor.getByRole("dialog"); // named by its title: "Your feedback", then "Thank you!"
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName("Your feedback");
  const scale = dialog.getByRole("radiogroup", { name: /recommend Northwind/ });
  await expect(scale.getByRole("radio", { name: "0 – Not at all likely" })).toBeFocused();
  const styles = await insideStyles(visitor);
  expect(styles.length).toBeGreaterThan(10);
  for (const s of styles) {
    expect(s.color).not.toBe("rgb(255, 0, 0)");
    expect(parseFloat(s.fontSize)).toBeLessThanOrEqual(22); // neither the page's 40px nor rem scaled by it
  }

  for (let i = 0; i < 9; i++) await visitor.keyboard.press("ArrowRight");
  await expect(scale.getByRole("radio", { name: "9", exact: true })).toHaveAttribute("aria-checked", "true");
  await expect(scale.getByRole("radio", { name: "9", exact: true })).toBeFocused();
  await expect(dialog.getByRole("textbox", { name: "What should we improve?" })).toBeHidden();
  // The chosen score is saved at once as a partial response (a visitor who leaves now still counts).
  const stored = async () => {
    const res = await page.request.get(`/api/v1/responses?surveyId=${survey.id}`);
    expect(res.ok()).toBeTruthy();
    return (await res.json()).data as {
      score: number;
      completed: boolean;
      channel: { id: string; key: string } | null;
      comment: string | null;
    }[];
  };
  await expect.poll(async () => (await stored()).map((r) => [r.score, r.completed])).toEqual([[9, false]]);
  await visitor.keyboard.press("Tab");
  const liked = dialog.getByRole("textbox", { name: "What did you like most?" });
  await expect(liked).toBeFocused();
  await visitor.keyboard.type("Quick installation");
  await visitor.keyboard.press("Tab");
  await expect(dialog.getByRole("radio", { name: "Basic" })).toBeFocused();
  await visitor.keyboard.press("ArrowDown"); // native radios: the arrow selects the next option
  await expect(dialog.getByRole("radio", { name: "Pro" })).toBeChecked();
  await visitor.screenshot({ path: "tmp/screens/embed-widget-1280.png" });
  await visitor.setViewportSize({ width: 375, height: 740 });
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await expectScaleOnOneRow(scale.getByRole("radio"), dialog.locator(".ends span"));
  await visitor.screenshot({ path: "tmp/screens/embed-widget-375.png" });

  await visitor.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Send" })).toBeFocused();
  await visitor.keyboard.press("Enter");
  const thanks = dialog.getByRole("heading", { name: "Thank you!" });
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  await visitor.screenshot({ path: "tmp/screens/embed-widget-thanks-375.png" });
  await visitor.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  const rows = await stored();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    score: 9,
    completed: true,
    comment: "Quick installation",
    channel: { id: survey.channels.mobile_app, key: "mobile_app" },
  });

  // Throttled: the same visitor does not see it again within data-throttle-days.
  await visitor.reload();
  await visitor.waitForFunction(() => "Resonance" in window);
  await visitor.waitForTimeout(1500);
  await expect(visitor.getByRole("dialog")).toHaveCount(0);
  await context.close();
});

test("opened by the page: focus is trapped, Escape closes and focus returns to the opener", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const visitor = await context.newPage();
  await visitor.goto(`${siteUrl}/shop?trigger=manual`);
  await visitor.waitForFunction(() => "Resonance" in window);
  await expect(visitor.getByRole("dialog")).toHaveCount(0);
  await visitor.locator("#open").focus();
  await visitor.keyboard.press("Enter");
  const dialog = visitor.getByRole("dialog", { name: "Your feedback" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: /^0/ })).toBeFocused();
  // Shift+Tab from the first control wraps to the last (Close), Tab from there back to the first.
  await visitor.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await visitor.keyboard.press("Tab");
  await expect(dialog.getByRole("radio", { name: /^0/ })).toBeFocused();
  await visitor.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(visitor.locator("#open")).toBeFocused();
  await context.close();
});

test("a clientId the widget holds no resume token for (saved by an older widget) is replaced: the answers go into a new response, the old one is untouched", async ({
  page,
  browser,
}) => {
  await signIn(page);
  // A partial response stored under the clientId this browser remembers, but whose resume token it never got.
  const staleId = `stale-${Date.now()}-0000`;
  const partial = await page.request.post(`/api/v1/public/surveys/${survey.publicId}/responses`, {
    data: { clientId: staleId, answers: { nps: 4 }, complete: false, channel: "mobile_app" },
  });
  expect(partial.status()).toBe(201);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(
    ([key, id]) => localStorage.setItem(key, id),
    [`resonance:${survey.publicId}:cid`, staleId],
  );
  const visitor = await context.newPage();
  const refused = visitor.waitForResponse((r) => r.url().endsWith("/responses") && r.status() === 409);
  await visitor.goto(`${siteUrl}/shop?trigger=manual`);
  await visitor.waitForFunction(() => "Resonance" in window);
  await visitor.evaluate(() =>
    (window as unknown as { Resonance: { open(force: boolean): Promise<void> } }).Resonance.open(true),
  );
  const dialog = visitor.getByRole("dialog"); // "Your feedback", then "Thank you!"
  await dialog.getByRole("radio", { name: /^10/ }).click();
  expect((await (await refused).json()).type).toBe("urn:resonance:problem:resume-token-required");
  await dialog.getByRole("radio", { name: "Pro" }).check();
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  expect(await visitor.evaluate((k) => localStorage.getItem(k), `resonance:${survey.publicId}:cid`)).toBeNull(); // done: forgotten

  const res = await page.request.get(`/api/v1/responses?surveyId=${survey.id}`);
  const rows = (await res.json()).data as { score: number; completed: boolean }[];
  expect(rows.map((r) => [r.score, r.completed]).sort()).toEqual(
    [
      [10, true],
      [4, false],
      [9, true],
    ].sort(),
  );
  await context.close();
});
