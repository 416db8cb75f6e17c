// Page probes of the customer pages (docs/hierarchy.md, "Customers in a scope"): the list (and its search) shows the
// customers of the member's units only, the Add-customer form offers only their units, and a customer's page shows
// only their units' rows; another customer's page is a 404.
import { expect } from "vitest";
import { http, renderedHtml } from "../http";
import type { ScopeFixture, Store } from "./fixture";
import type { ScopeProbes } from "./probes";
import { withSearchTokens, withWalkIn } from "./probes-customers";

/** S1's manager and R1's viewer, by session. */
const members = (f: ScopeFixture) => [
  { scope: "S1" as const, cookie: f.callers.s1Manager.cookie },
  { scope: "R1" as const, cookie: f.callers.r1Viewer.cookie },
];

async function page(path: string, cookie: string): Promise<{ status: number; html: string }> {
  const res = await http("GET", path, { cookie });
  // what the server rendered: the payload beside it also carries messages the client components may show later
  return { status: res.status, html: renderedHtml(String(res.body)) };
}

/** The list and its search as S1's manager and R1's viewer, and the manager's Add-customer form. */
async function listPage(f: ScopeFixture) {
  for (const { scope, cookie } of members(f)) {
    for (const path of ["/customers", "/customers?q=Customer%20of"]) {
      const { status, html } = await page(path, cookie);
      expect(status).toBe(200);
      for (const s of f.visible(scope).stores) expect(html).toContain(`Customer of ${s}`);
      for (const s of f.hidden(scope).stores) expect(html).not.toContain(`Customer of ${s}`);
      // Imports are organization-wide: no link to them.
      expect(html).not.toContain('href="/customers/import"');
    }
  }
  // The manager's Add-customer form offers S1 alone, preselected, and no "No home unit".
  const { html } = await page("/customers", f.callers.s1Manager.cookie);
  expect(html).toContain("Home unit");
  expect(html).toContain(`value="${f.units.S1}"`);
  for (const other of [f.units.S2, f.units.S3, f.units.R1]) expect(html).not.toContain(`value="${other}"`);
  expect(html).not.toContain("No home unit");
}

export const CUSTOMER_PAGE_PROBES: ScopeProbes = {
  "/customers": (f) => withSearchTokens(f, () => listPage(f)),

  "/customers/[id]": async (f) => {
    for (const { scope, cookie } of members(f)) {
      for (const store of f.visible(scope).stores) {
        const { status, html } = await page(`/customers/${f.rows[store].customerId}`, cookie);
        expect(status).toBe(200);
        expect(html).toContain(`Customer of ${store}`);
        expect(html).toContain(`Visit at ${store}`);
        expect(html).toContain(`Comment from ${store} #0`);
        expect(html).toContain(`Call back ${store}`);
        // No erasure or privacy export for a unit-scoped member.
        expect(html).not.toContain("Erase customer");
      }
      for (const id of f.hidden(scope).customers) expect((await page(`/customers/${id}`, cookie)).status).toBe(404);
    }
    await withWalkIn(f, async (walkIn) => {
      for (const { cookie } of members(f)) {
        const { status, html } = await page(`/customers/${walkIn.id}`, cookie);
        expect(status).toBe(200);
        expect(html).toContain("Walk-in visit at S1");
        expect(html).not.toContain("Walk-in visit at S3");
        // The home (S3) is shown, but it is not theirs to move.
        expect(html).toContain("Store 3 (S3)");
        expect(html).not.toContain("Save home unit");
      }
    });
    // S1's manager may move their own customer's home only within S1: the form is there, offering S1 alone.
    const own = await page(`/customers/${f.rows.S1.customerId}`, f.callers.s1Manager.cookie);
    expect(own.html).toContain("Save home unit");
    for (const other of [f.units.S2, f.units.S3] as string[]) expect(own.html).not.toContain(`value="${other}"`);
    const stores: Store[] = ["S2", "S3", "none"];
    for (const s of stores) expect(own.html).not.toContain(`Comment from ${s}`);
  },
};
