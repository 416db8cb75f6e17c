// Every page of the app, for each role that opens it and signed out, at 1280 and 375 px: axe-core finds no
// serious or critical violation, and at 375 px the page does not scroll sideways. One browser context per role
// (signed in once); each page is loaded once and measured at both widths. The pages are those of app/**/page.tsx
// plus the not-found and forbidden pages.
//
// axe is the slow part (seconds per run on a long table; on a CI machine shared with four integration shards, the
// spec took half an hour), so it runs twice per page: at 1280 px for the first role listed, the one with the most
// controls, and at 375 px for the last, the one with the fewest (a role changes which controls a page has, the width
// how the same tree is laid out: landmarks, the menu, table or cards). With a single role listed, both runs are its
// own. Every role is still loaded and checked for sideways scrolling at 375 px. Every violation seen (any impact) is
// also appended to tmp/a11y/violations.jsonl, one line per rule, page, role and width, for counting.
import { mkdirSync, appendFileSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "./helpers/test";
import { DEMO_PASSWORD } from "./helpers/sign-in";
import { axeViolations } from "./helpers/axe";
import { demoIds, type DemoIds } from "./helpers/demo-ids";

type Role = "admin" | "manager" | "agent";
type Who = Role | "signed out";
type Ids = DemoIds;
type Entry = {
  name: string;
  path: (ids: Ids) => string | undefined;
  who: Who[];
  /** Parts axe may skip because they repeat a template it has already read on this page. */
  repeats?: string[];
};

const STAFF: Role[] = ["admin", "manager", "agent"];
const MANAGERS: Role[] = ["admin", "manager"];
// Pages that differ by role only in the controls an agent lacks and a manager and an admin share: measured as the
// admin (every control) and the agent (the fewest), which keeps the spec to a few minutes.
const READERS: Role[] = ["admin", "agent"];

const PAGES: Entry[] = [
  { name: "dashboard", path: () => "/", who: READERS },
  { name: "customers", path: () => "/customers", who: READERS },
  { name: "customer 360", path: (ids) => `/customers/${ids.customer}`, who: READERS },
  { name: "customer import", path: () => "/customers/import", who: READERS },
  { name: "interactions", path: () => "/interactions", who: READERS },
  { name: "log interaction", path: () => "/interactions/new", who: READERS },
  { name: "cases", path: () => "/cases", who: READERS },
  { name: "my cases", path: () => "/cases?mine=true", who: ["agent"] },
  { name: "case", path: (ids) => `/cases/${ids.case}`, who: READERS },
  { name: "journeys", path: () => "/journeys", who: READERS },
  { name: "journey map", path: (ids) => `/journeys/${ids.journey}`, who: READERS },
  { name: "journey editor", path: (ids) => `/journeys/${ids.journey}/edit`, who: MANAGERS },
  { name: "journey paths", path: (ids) => `/journeys/${ids.journey}/paths`, who: READERS },
  { name: "touchpoint QR code", path: (ids) => `/touchpoints/${ids.touchpoint}/qr`, who: ["manager"] },
  { name: "surveys", path: () => "/surveys", who: READERS },
  { name: "new survey", path: () => "/surveys/new", who: MANAGERS },
  { name: "survey editor", path: (ids) => `/surveys/${ids.survey}`, who: MANAGERS },
  { name: "responses inbox", path: () => "/surveys/responses", who: READERS },
  { name: "campaigns", path: () => "/surveys/campaigns", who: ["manager"] },
  { name: "forbidden (campaigns)", path: () => "/surveys/campaigns", who: ["agent"] },
  { name: "campaign", path: (ids) => `/surveys/campaigns/${ids.campaign}`, who: ["manager"] },
  { name: "triggers", path: () => "/surveys/triggers", who: ["manager"] },
  { name: "trigger", path: (ids) => ids.trigger && `/surveys/triggers/${ids.trigger}`, who: ["manager"] },
  { name: "reports", path: () => "/reports", who: READERS },
  { name: "gap report", path: () => "/reports/gaps", who: READERS },
  { name: "units compared", path: () => "/reports/units", who: ["manager"] },
  { name: "drivers", path: () => "/reports/drivers", who: READERS },
  { name: "maturity", path: () => "/reports/maturity", who: READERS },
  { name: "digest", path: () => "/reports/digest", who: READERS },
  { name: "settings", path: () => "/settings", who: STAFF },
  { name: "audit log", path: () => "/settings/audit", who: ["admin"] },
  { name: "customer identity", path: () => "/settings/customer-identity", who: ["admin"] },
  { name: "scim", path: () => "/settings/scim", who: ["admin"] },
  { name: "single sign-on", path: () => "/settings/sso", who: ["admin"] },
  { name: "webhooks", path: () => "/settings/webhooks", who: ["admin"] },
  { name: "webhook", path: (ids) => ids.webhook && `/settings/webhooks/${ids.webhook}`, who: ["admin"] },
  { name: "units", path: () => "/settings/units", who: READERS },
  { name: "audiences", path: () => "/settings/audiences", who: ["manager"] },
  { name: "text analytics", path: () => "/settings/text-analytics", who: ["manager"] },
  { name: "audience", path: (ids) => `/settings/audiences/${ids.audience}`, who: ["manager"] },
  { name: "forbidden (audiences)", path: () => "/settings/audiences", who: ["agent"] },
  { name: "account", path: () => "/account", who: READERS },
  { name: "two-factor", path: () => "/account/two-factor", who: ["agent"] },
  // every operation is one template: the first three tag sections stand for the rest
  { name: "API docs", path: () => "/docs/api", who: ["agent"], repeats: ["main section:nth-of-type(n+4)"] },
  { name: "forbidden (survey builder)", path: () => "/surveys/new", who: ["agent"] },
  { name: "forbidden (audit log)", path: () => "/settings/audit", who: ["manager"] },
  { name: "not found (customer)", path: () => "/customers/no-such-customer", who: ["agent"] },
  { name: "not found (page)", path: () => "/no-such-page", who: ["agent", "signed out"] },
  { name: "sign-in", path: () => "/login", who: ["signed out"] },
  { name: "single sign-on sign-in", path: () => "/login/sso", who: ["signed out"] },
  { name: "forgot password", path: () => "/forgot-password", who: ["signed out"] },
  { name: "reset password", path: () => "/reset-password/not-a-token", who: ["signed out"] },
  { name: "invitation", path: () => "/invite/not-a-token", who: ["signed out"] },
  { name: "confirm e-mail", path: () => "/account/confirm-email/not-a-token", who: ["signed out"] },
  { name: "setup", path: () => "/setup", who: ["signed out"] }, // the demo is set up: shows where it leads
  { name: "welcome", path: () => "/welcome", who: ["signed out"] },
  { name: "hosted survey", path: (ids) => `/s/${ids.publicId}`, who: ["signed out"] },
];

// Pages that still scroll sideways at 375 px only because of a wide table (or editor) that the phone-cards work
// of issue #14 is turning into cards: /interactions, /surveys, /customers, the gap report, the journey paths' top
// paths, the dashboard tables, the journey and survey editors. Once that work is merged this list must be empty;
// every other page is held to "no sideways scroll" now.
const KNOWN_WIDE: string[] = [];

const BLOCKING = new Set(["serious", "critical"]);
const LOG_DIR = "tmp/a11y";
mkdirSync(LOG_DIR, { recursive: true });

const contexts = new Map<Who, { context: BrowserContext; page: Page }>();
let ids: Ids;

async function session(browser: Browser, who: Who) {
  const open = contexts.get(who);
  if (open) return open.page;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (who !== "signed out") {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(`${who}@demo.resonance.test`);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/$/);
  }
  contexts.set(who, { context, page });
  return page;
}

test.beforeAll(async ({ browser }) => {
  ids = await demoIds(await session(browser, "admin"));
});

test.afterAll(async () => {
  for (const { context } of contexts.values()) await context.close();
  contexts.clear();
});

/** Lets charts and other measured layouts settle after a load or a resize. */
async function settle(page: Page, { network = true } = {}) {
  if (network) await page.waitForLoadState("networkidle"); // a resize fetches nothing: two frames suffice then
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

// Long lists repeat one template: axe reads the first 20 rows of every table (and an entry may leave out more of
// the same kind, see `repeats`), which keeps a 95-row report from taking a minute per width on a busy machine.
const REPEATED_ROWS = "tbody tr:nth-child(n+21)";

async function blockingViolations(page: Page, where: string, repeats: string[] = []): Promise<string[]> {
  const violations = await axeViolations(page, [REPEATED_ROWS, ...repeats]);
  for (const v of violations)
    appendFileSync(
      `${LOG_DIR}/violations.jsonl`,
      JSON.stringify({ where, rule: v.id, impact: v.impact, nodes: v.nodes.length }) + "\n",
    );
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .flatMap((v) =>
      v.nodes.map((n) => `${where}: ${v.impact} ${v.id} at ${n.target.join(" ")} — ${n.failureSummary ?? v.help}`),
    );
}

for (const entry of PAGES)
  for (const who of entry.who)
    test(`${entry.name} (${who})`, async ({ browser }) => {
      test.setTimeout(120_000); // axe over a long table takes a while on a busy machine
      const path = entry.path(ids);
      test.skip(!path, "the demo data has none");
      const page = await session(browser, who);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path!);
      await settle(page);
      const problems =
        who === entry.who[0] ? await blockingViolations(page, `${path} as ${who} at 1280 px`, entry.repeats) : [];

      await page.setViewportSize({ width: 375, height: 800 });
      await settle(page, { network: false });
      if (who === entry.who.at(-1))
        problems.push(...(await blockingViolations(page, `${path} as ${who} at 375 px`, entry.repeats)));
      expect(problems, problems.join("\n")).toEqual([]);

      const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
      if (KNOWN_WIDE.includes(entry.name))
        test.info().annotations.push({ type: "known wide", description: `${path}: ${overflow} px too wide` });
      else expect(overflow, `${path} as ${who} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
    });

test("the phone menu, open (agent)", async ({ browser }) => {
  const page = await session(browser, "agent");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const problems = await blockingViolations(page, "/ with the menu open as agent at 375 px");
  expect(problems, problems.join("\n")).toEqual([]);
});
