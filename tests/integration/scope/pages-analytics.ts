// Page probes of the dashboard, the reports and the journey map (docs/hierarchy.md, "How every read honours the
// scope"): each page GET as S1's manager and R1's viewer (session cookie) shows their units' figures — computed here
// from the fixture's SCORES — and none of the organization's; the unit picker offers their units only.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { http } from "../http";
import { SCORES, type ScopeFixture, type Store } from "./fixture";
import { answerItems, expectedNps, journeyVisits, unitsOf } from "./probes-analytics";
import type { ScopeProbes } from "./probes";

type As = "s1Manager" | "r1Viewer";
const CALLERS: As[] = ["s1Manager", "r1Viewer"];
const SCOPE_OF: Record<As, "S1" | "R1"> = { s1Manager: "S1", r1Viewer: "R1" };

/** The page's visible text: scripts dropped, tags as spaces, entities decoded, whitespace collapsed. */
async function pageText(f: ScopeFixture, who: As, path: string): Promise<string> {
  const res = await http("GET", path, { cookie: f.callers[who].cookie });
  expect(res.status, `${who} ${path}`).toBe(200);
  return String(res.body)
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

/**
 * Open cases and the period's interactions in the caller's units, counted in the database: the matrix's other probes
 * log interactions and open cases in S1 as they go, so the figures are counted, not assumed.
 */
async function activity(f: ScopeFixture, who: As) {
  const unitId = { in: unitsOf(f, SCOPE_OF[who]) };
  const [openCases, interactions] = await Promise.all([
    db.case.count({ where: { orgId: f.orgId, unitId, status: { in: ["open", "in_progress"] } } }),
    db.interaction.count({
      where: { orgId: f.orgId, unitId, occurredAt: { gte: new Date(Date.now() - 89 * 86_400_000) } },
    }),
  ]);
  return { openCases, interactions };
}

/** The fixture's stores in the caller's scope. */
const stores = (who: As): Store[] => (SCOPE_OF[who] === "S1" ? ["S1"] : ["S1", "S2"]);
const CODES_IN: Record<As, string[]> = { s1Manager: ["S1"], r1Viewer: ["R1", "S1", "S2"] };
const CODES_OUT: Record<As, string[]> = {
  s1Manager: ["R1", "S2", "R2", "S3", "NORTH"],
  r1Viewer: ["R2", "S3", "NORTH"],
};

/** The unit picker lists the caller's units (by code) and no other. */
function expectUnitPicker(text: string, who: As) {
  const picker = /Unit All of [^]*?(?= Journey| Apply)/.exec(text)?.[0] ?? "";
  for (const code of CODES_IN[who]) expect(picker, `${who} picker`).toContain(`(${code})`);
  for (const code of CODES_OUT[who]) expect(picker, `${who} picker`).not.toContain(`(${code})`);
}

/** NPS shown as "50 … (n = 4)": the figure and n of the caller's stores, never another. */
const npsTile = (text: string) => /Net Promoter Score, −100 to 100 (\S+) [^()]*\(n = (\d+) \)/.exec(text);

export const ANALYTICS_PAGE_PROBES: ScopeProbes = {
  "/": async (f) => {
    for (const who of CALLERS) {
      const text = await pageText(f, who, "/");
      const e = expectedNps(stores(who));
      const tile = npsTile(text);
      expect(tile?.[2], `${who} n`).toBe(String(e.n));
      expect(tile?.[1], `${who} NPS`).toBe(String(Math.round(e.nps)));
      // Activity: one case, interaction and home customer per store of the scope.
      const counts = await activity(f, who);
      expect(text).toContain(`Open cases ${counts.openCases} `);
      expect(text).toContain(`Interactions ${counts.interactions} in the period`);
      expectUnitPicker(text, who);
      expect(text).toMatch(who === "s1Manager" ? / · unit \S+ Store 1 / : / · unit \S+ Region 1 /); // the subtitle
    }
    // The drill-down card: R1's viewer sees R1's stores with their own NPS and n, each a link to its dashboard, and
    // nothing above or beside R1; S1's manager has no units below S1 and no card.
    const r1 = await pageText(f, "r1Viewer", "/");
    for (const store of ["S1", "S2"] as const) {
      const e = expectedNps([store]);
      expect(r1).toMatch(new RegExp(`Store \\d ${store} NPS ${Math.round(e.nps)}`.replace("-", "−")));
      expect(r1).toContain(`(n = ${e.n})`);
    }
    expect(r1).not.toContain("Up one level");
    expect(r1).not.toMatch(/Region 2 R2|Store 3 S3/);
    const html = (await http("GET", "/", { cookie: f.callers.r1Viewer.cookie })).body as string;
    expect(html).toContain(`href="/?unitId=${f.units.S1}"`);
    expect(await pageText(f, "s1Manager", "/")).not.toContain("By unit"); // nothing below S1, nothing above to go to
    // Drilled into S1, R1's viewer goes back up to R1 (their scope), never to the organization.
    const down = (await http("GET", `/?unitId=${f.units.S1}`, { cookie: f.callers.r1Viewer.cookie })).body as string;
    expect(down).toContain(`href="/?unitId=${f.units.R1}"`);
    // The unit filter narrows R1's viewer to S2; S3 (outside R1) is the 404 page.
    const s2 = npsTile(await pageText(f, "r1Viewer", `/?unitId=${f.units.S2}`));
    expect(s2?.[2]).toBe(String(SCORES.S2.length));
    const outside = await http("GET", `/?unitId=${f.units.S3}`, { cookie: f.callers.r1Viewer.cookie });
    expect(outside.status).toBe(404);
  },
  "/reports": async (f) => {
    for (const who of CALLERS) {
      const text = await pageText(f, who, "/reports");
      const e = expectedNps(stores(who));
      expect(text, who).toMatch(new RegExp(`Last 90 days [^(]*\\(n = ${e.n}\\) ${Math.round(e.nps)} `));
      expect(text, who).not.toContain("CEM maturity"); // an organization-wide report
    }
  },
  "/reports/units": async (f) => {
    const s1 = await pageText(f, "s1Manager", "/reports/units");
    expect(s1).toMatch(new RegExp(`NPS 50 \\( ?n = ${SCORES.S1.length} ?\\)`));
    expect(s1).not.toContain("Organization");
    expect(s1).not.toContain("Region 1");
    const r1 = await pageText(f, "r1Viewer", "/reports/units");
    const e = expectedNps(["S1", "S2"]);
    expect(r1).toMatch(new RegExp(`NPS ${Math.round(e.nps)} \\( ?n = ${e.n} ?\\)`));
    // Each store's NPS and n (no interval below 30 responses).
    expect(r1).toContain("S1 · store 50 4");
    expect(r1).toContain(`S2 · store ${"−33"} 3`);
    for (const hidden of ["Organization", "Region 2", "R2 · region", "without a unit"])
      expect(r1).not.toContain(hidden);
    // Drilled into S1: the breadcrumb starts at R1, never above it.
    const down = await pageText(f, "r1Viewer", `/reports/units?parentId=${f.units.S1}`);
    expect(down).toMatch(/Region 1 › \S+ Store 1/);
    expect(down).not.toContain("Organization");
    const above = await http("GET", `/reports/units?parentId=${f.units.R2}`, { cookie: f.callers.r1Viewer.cookie });
    expect(above.status).toBe(404);
  },
  "/reports/gaps": async (f) => {
    await answerItems(f);
    await db.touchpoint.updateMany({
      where: { id: { in: Object.values(f.rows).map((r) => r.touchpointId) } },
      data: { targetNps: 0 },
    });
    for (const who of CALLERS) {
      const text = await pageText(f, who, "/reports/gaps");
      for (const store of ["S1", "S2", "S3", "none"] as const) {
        const n = stores(who).includes(store) ? SCORES[store].length : 0;
        expect(text, `${who} ${store}`).toMatch(new RegExp(`Checkout ${store} [^·]*· Support NPS [^·]*· n = ${n} `));
      }
      expectUnitPicker(text, who);
    }
  },
  "/reports/drivers": async (f) => {
    await answerItems(f);
    for (const who of CALLERS) {
      const text = await pageText(f, who, "/reports/drivers");
      // The survey picker counts the caller's responses of the survey.
      expect(text, who).toContain(`NPS (${expectedNps(stores(who)).n})`);
      expectUnitPicker(text, who);
    }
  },
  "/reports/digest": async (f) => {
    for (const who of CALLERS) {
      const text = await pageText(f, who, "/reports/digest");
      expect(text, who).toContain(`Open cases ${(await activity(f, who)).openCases} `);
      expect(text, who).not.toContain("Send me this now"); // sending is the organization's
    }
  },
  "/journeys/[id]": async (f) => {
    for (const who of CALLERS) {
      const text = await pageText(f, who, `/journeys/${f.org.ids.journey}`);
      for (const store of ["S1", "S2", "S3", "none"] as const) {
        if (stores(who).includes(store))
          expect(text, `${who} ${store}`).toMatch(
            new RegExp(`Checkout ${store} NPS \\S+ \\(n = ${SCORES[store].length}\\)`),
          );
        else expect(text, `${who} ${store}`).not.toMatch(new RegExp(`Checkout ${store} NPS [^(]*\\(n = [1-9]`));
      }
      // The stage's interactions: the in-scope ones at its touchpoints.
      expect(text, who).toContain(`${(await journeyVisits(f, unitsOf(f, SCOPE_OF[who]))).length} interactions`);
      expect(text, who).not.toContain("Edit journey");
      expectUnitPicker(text, who);
    }
  },
  "/journeys/[id]/paths": async (f) => {
    for (const who of CALLERS) {
      const text = await pageText(f, who, `/journeys/${f.org.ids.journey}/paths`);
      const visits = await journeyVisits(f, unitsOf(f, SCOPE_OF[who]));
      const customers = new Set(visits.map((v) => v.customerId)).size;
      expect(text, who).toContain(`${customers} ${customers === 1 ? "customer" : "customers"} with interactions`);
      // A touchpoint is on a path only through an in-scope interaction there (S3's and the unit-less never).
      for (const store of ["S1", "S2", "S3", "none"] as const) {
        const reached = visits.some((v) => v.touchpointId === f.rows[store].touchpointId);
        if (reached) expect(text, `${who} ${store}`).toMatch(new RegExp(`Checkout ${store} \\d+ customers?`));
        else expect(text, `${who} ${store}`).not.toMatch(new RegExp(`Checkout ${store} \\d+ customers?`));
      }
    }
  },
};
