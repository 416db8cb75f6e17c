// Page probes of responses, interactions and cases (docs/hierarchy.md, "Scoped access: responses, interactions and
// cases"): S1's and R1's members see their units' rows on the inbox, the interactions list and log form, the case
// list and a case's page, and none of the hidden ones; a hidden case's page is a 404.
import { expect } from "vitest";
import { http } from "../http";
import type { ScopeFixture, Store } from "./fixture";
import type { ScopeProbes } from "./probes";

type Scope = "S1" | "R1";
const members = (f: ScopeFixture): { scope: Scope; cookie: string }[] => [
  { scope: "S1", cookie: f.callers.s1Manager.cookie },
  { scope: "R1", cookie: f.callers.r1Viewer.cookie },
];

async function page(path: string, cookie: string, status = 200): Promise<string> {
  const res = await http("GET", path, { cookie });
  expect(res.status, `${path}: ${String(res.body).slice(0, 300)}`).toBe(status);
  return String(res.body);
}

/** The page shows each visible store's text and no hidden store's. */
function shows(f: ScopeFixture, scope: Scope, html: string, text: (s: Store) => string) {
  for (const s of f.visible(scope).stores) expect(html).toContain(text(s));
  for (const s of f.hidden(scope).stores) expect(html).not.toContain(text(s));
}

function listPage(path: string, text: (s: Store) => string) {
  return async (f: ScopeFixture) => {
    for (const { scope, cookie } of members(f)) shows(f, scope, await page(path, cookie), text);
  };
}

export const RECORDS_PAGE_PROBES: ScopeProbes = {
  "/surveys/responses": listPage("/surveys/responses", (s) => `Comment from ${s} #0`),
  "/interactions": listPage("/interactions", (s) => `Visit at ${s}`),
  "/cases": async (f) => {
    await listPage("/cases", (s) => `Call back ${s}`)(f);
    await listPage("/cases?status=open", (s) => `Call back ${s}`)(f);
  },
  "/cases/[id]": async (f) => {
    for (const { scope, cookie } of members(f)) {
      for (const s of f.visible(scope).stores)
        expect(await page(`/cases/${f.rows[s].caseId}`, cookie)).toContain(`Call back ${s}`);
      for (const s of f.hidden(scope).stores)
        expect(await page(`/cases/${f.rows[s].caseId}`, cookie, 404)).not.toContain(`Call back ${s}`);
    }
  },
  "/interactions/new": async (f) => {
    // The form starts with a customer S1 can see, and empty for a hidden one.
    const cookie = f.callers.s1Manager.cookie;
    expect(await page(`/interactions/new?customerId=${f.rows.S1.customerId}`, cookie)).toContain("Customer of S1");
    for (const s of f.hidden("S1").stores)
      expect(await page(`/interactions/new?customerId=${f.rows[s].customerId}`, cookie)).not.toContain(
        `Customer of ${s}`,
      );
    expect(await page("/interactions/new", f.callers.r1Viewer.cookie)).toContain("Your role can only read");
  },
};
