// Page probes of the organization's configuration as a unit-scoped member reads it (docs/hierarchy.md, "Scoped
// memberships"): the journeys list with its figures over their units only, a journey's structure without edit
// controls, the survey list with their units' response counts; and the navigation shows them exactly the sections
// whose page serves them, with their scope beside the organization's name.
import { expect } from "vitest";
import { sampleNote as note } from "@/components/journeys/figures";
import { db } from "@/lib/db";
import { baseURL, renderedHtml } from "../http";
import type { ScopeFixture } from "./fixture";
import type { ScopeProbes } from "./probes";

async function page(path: string, cookie: string) {
  const res = await fetch(baseURL() + path, { headers: { cookie }, redirect: "manual" });
  // what the server rendered: the payload beside it also carries messages the client components may show later
  return { status: res.status, html: renderedHtml(await res.text()) };
}

/** The visible text of an HTML fragment: tags and React's text separators out, entities of interest decoded. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

/** "(n = 4)" as text() reads it (no-break spaces as spaces). */
const sampleNote = (n: number) => note(n).replace(/\s+/g, " ");

/** The hrefs of the main navigation. */
const navLinks = (html: string) => {
  const nav = html.slice(
    html.indexOf('<nav aria-label="Main"'),
    html.indexOf("</nav>", html.indexOf('aria-label="Main"')),
  );
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
};

/** Customer data of the stores outside the scope: never on a page of a scoped member. */
const hiddenRows = (f: ScopeFixture, scope: "S1" | "R1") =>
  f
    .hidden(scope)
    .stores.flatMap((s) => [`Customer of ${s}`, `Comment from ${s} #0`, `Call back ${s}`, `Visit at ${s}`]);

/** S1's and R1's members, with the NPS of their responses at the fixture journey's touchpoints. */
const MEMBERS = [
  // S1: 10, 9, 9, 2 → (3 − 1) / 4 = +50.
  { caller: "s1Manager", scope: "S1", nps: "50", n: 4 },
  // R1 = S1 + S2: 10, 9, 9, 2, 0, 5, 10 → (4 − 3) / 7 = +14.3, shown 14.
  { caller: "r1Viewer", scope: "R1", nps: "14", n: 7 },
] as const;

export const ACCESS_PAGE_PROBES: ScopeProbes = {
  "/journeys": async (f) => {
    for (const m of MEMBERS) {
      const { status, html } = await page("/journeys", f.callers[m.caller].cookie);
      expect(status, m.caller).toBe(200);
      const start = html.indexOf(`href="/journeys/${f.org.ids.journey}"`);
      expect(start, m.caller).toBeGreaterThan(0);
      const card = text(html.slice(start, html.indexOf("</a>", start)));
      expect(card).toContain(`NPS ${m.nps} ${sampleNote(m.n)}`);
      // Nothing to change: no New journey form.
      expect(html).not.toContain("New journey");
      for (const hidden of hiddenRows(f, m.scope)) expect(html).not.toContain(hidden);
    }
    // The whole organization's card counts every store and the unit-less responses: 11 at these touchpoints.
    const orgWide = await page("/journeys", f.orgAdminCookie);
    const start = orgWide.html.indexOf(`href="/journeys/${f.org.ids.journey}"`);
    // 10, 9, 9, 2 | 0, 5, 10 | 10, 10 | 0, 0 → (6 − 5) / 11 = +9.1.
    expect(text(orgWide.html.slice(start, orgWide.html.indexOf("</a>", start)))).toContain(`NPS 9 ${sampleNote(11)}`);
    expect(orgWide.html).toContain("New journey");
  },

  "/journeys/[id]/edit": async (f) => {
    // Managers and admins open the editor; scoped to a unit, it is the structure without controls.
    for (const caller of [f.callers.s1Manager, f.callers.s1Admin]) {
      const { status, html } = await page(`/journeys/${f.org.ids.journey}/edit`, caller.cookie);
      expect(status, caller.role).toBe(200);
      // Every touchpoint of the organization, with its unit; nothing to edit, move, archive or add.
      for (const store of ["S1", "S2", "S3", "none"]) expect(html).toContain(`Checkout ${store}`);
      const s2 = await db.unit.findUniqueOrThrow({ where: { id: f.units.S2 } });
      expect(text(html)).toContain(s2.name);
      for (const control of ["Add touchpoint", "Archive stage", "Reorder stage", "Edit touchpoint", "New stage"])
        expect(html, control).not.toContain(control);
      expect(html).toContain("Changing a journey is for members of the whole organization");
      for (const hidden of hiddenRows(f, "S1")) expect(html).not.toContain(hidden);
    }
    const orgWide = await page(`/journeys/${f.org.ids.journey}/edit`, f.orgAdminCookie);
    expect(orgWide.html).toContain("Add touchpoint");
    // Another organization's journey is still the 404 page.
    expect((await page("/journeys/no-such-journey/edit", f.callers.s1Manager.cookie)).status).toBe(404);
  },

  "/surveys": async (f) => {
    for (const m of MEMBERS) {
      const { status, html } = await page("/surveys", f.callers[m.caller].cookie);
      expect(status, m.caller).toBe(200);
      // Their units' responses to the fixture survey: S1 4, R1 7 (not the organization's 12).
      expect(html).toContain(`${m.n} responses to NPS: open them in the inbox`);
      for (const link of ["/surveys/campaigns", "/surveys/triggers", "/surveys/new", "/customers/import"])
        expect(html, link).not.toContain(`href="${link}`);
      expect(html).not.toContain(`href="/surveys/${f.org.ids.survey}"`);
      for (const hidden of hiddenRows(f, m.scope)) expect(html).not.toContain(hidden);

      // The navigation: the scope beside the organization, and exactly the sections that serve a scoped member.
      expect(html).toContain('data-testid="member-scope"');
      const unit = await db.unit.findUniqueOrThrow({ where: { id: f.units[m.scope] } });
      expect(text(html)).toContain(`Your scope: ${unit.name}`);
      const shown = navLinks(html);
      const every = navLinks((await page("/surveys", f.orgAdminCookie)).html);
      expect(every.length).toBe(8);
      for (const href of every) {
        const refused = (await page(href, f.callers[m.caller].cookie)).status === 403;
        expect(shown.includes(href), `${href} in the nav of ${m.caller}; refused: ${refused}`).toBe(!refused);
      }
    }
    const orgWide = await page("/surveys", f.orgAdminCookie);
    expect(orgWide.html).toContain("12 responses to NPS: open them in the inbox");
    expect(orgWide.html).not.toContain('data-testid="member-scope"');
  },
};
