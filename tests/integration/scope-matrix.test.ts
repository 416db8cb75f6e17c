// The scope matrix (docs/hierarchy.md, "The scope matrix test"), built like the cross-tenant suite: every /api/v1
// route names how it treats a unit-scoped caller (`scope` in lib/http/handler.ts). An "org" route refuses every
// scoped caller — member session or key, whatever their role — with a 403 naming their unit, and changes nothing; a
// "unit" route must have a probe (tests/integration/scope/probes.ts) proving that S1's and R1's callers see and change
// only their subtree. A new route fails here until it is one or the other. Pages and server actions likewise: every
// page of the signed-in app and every action that needs an organization role refuses a scoped member (the 403 page
// "This page is for the whole organization"; the action's organization-wide message, nothing changed) unless it has
// a probe (PAGE_PROBES / ACTION_PROBES), and the rest are listed as outside the scope model (scope/page-table.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_MODULES } from "@/app/api/v1/routes.generated";
import { operations } from "@/lib/openapi/document";
import { db } from "@/lib/db";
import { hasRole } from "@/lib/auth/roles";
import { OrgWideRequiredError } from "@/lib/units/scope";
import { ACTIONS } from "./action-table";
import { dbSnapshot } from "./db-snapshot";
import { baseURL, http, renderedHtml } from "./http";
import { callServerAction, serverActionsInSource } from "./server-actions";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";
import { hiddenTexts, OUTSIDE_ACTIONS, OUTSIDE_PAGES, pageFiles, pageUrl } from "./scope/page-table";
import { ACTION_PROBES, PAGE_PROBES, PROBES } from "./scope/probes";

let f: ScopeFixture;
beforeAll(async () => {
  f = await createScopeFixture();
});

const ROUTES = operations(ROUTE_MODULES).flatMap((o) =>
  o.meta.access.kind === "role"
    ? [{ key: `${o.method} ${o.path}`, method: o.method, path: o.path, ...o.meta.access }]
    : [],
);
const ORG = ROUTES.filter((r) => r.scope === "org");
const UNIT = ROUTES.filter((r) => r.scope === "unit");

/** Rows a refused write could have touched: their count and latest change, before and after. */
async function fingerprint(orgId: string) {
  const where = { orgId };
  return Promise.all([
    db.response.count({ where }),
    db.interaction.count({ where }),
    db.case.count({ where }),
    db.customer.count({ where }),
    db.membership.count({ where }),
    db.invite.count({ where }),
    db.apiKey.count({ where }),
    db.unit.count({ where }),
    db.auditEvent.count({ where }),
    db.case.aggregate({ where, _max: { updatedAt: true } }),
    db.customer.aggregate({ where, _max: { updatedAt: true } }),
  ]);
}

describe("every route says how it treats a unit-scoped caller", () => {
  it("each unit route has a probe, and each probe names a unit route", () => {
    expect(UNIT.map((r) => r.key).filter((k) => !PROBES[k])).toEqual([]);
    const unitKeys = new Set(UNIT.map((r) => r.key));
    expect(Object.keys(PROBES).filter((k) => !unitKeys.has(k))).toEqual([]);
  });
});

describe("organization-wide routes refuse every scoped caller", () => {
  it.each(ORG.map((r) => [r.key, r] as const))("%s: 403 naming the unit, nothing changed", async (_key, r) => {
    const fill = (p: string) => p.replace(":id", f.org.ids.customer); // any id: the refusal comes before the lookup
    const before = await fingerprint(f.orgId);
    const body = r.method === "GET" || r.method === "DELETE" ? undefined : {};
    // The strongest scoped caller reaches the scope check (a lower role would stop at the role check).
    const callers = r.sessionOnly
      ? [{ cookie: f.callers.s1Admin.cookie, headers: { origin: baseURL() } }]
      : [{ key: f.callers.s1Admin.key }, { cookie: f.callers.s1Admin.cookie, headers: { origin: baseURL() } }];
    if (!r.sessionOnly && r.role !== "admin") callers.push({ key: f.s1IntegrationKey });
    for (const as of callers) {
      const res = await http(r.method, fill(r.path), { ...as, body });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.detail).toContain("whole organization");
      expect(res.body.detail).toContain("Store 1");
    }
    expect(await fingerprint(f.orgId)).toEqual(before);
  });
});

describe("unit routes show and change only the caller's subtree", () => {
  it.each(UNIT.map((r) => [r.key] as const))("%s", async (key) => {
    await PROBES[key](f);
  });
});

// ---- Pages ----

const PAGES = pageFiles();
const APP_PAGES = PAGES.filter((p) => p.inApp && !OUTSIDE_PAGES[p.route]);
const REFUSING_PAGES = APP_PAGES.filter((p) => !PAGE_PROBES[p.route]);
const ORG_WIDE_PAGE = "This page is for the whole organization";

async function getPage(url: string, cookie: string) {
  const res = await fetch(baseURL() + url, { headers: { cookie }, redirect: "manual" });
  // html: what the server rendered (the payload beside it also carries messages the client components may show
  // later); raw: with that payload, where Next.js sends the 403 page's UI for the browser to draw
  const raw = await res.text();
  return { status: res.status, html: renderedHtml(raw), raw, location: res.headers.get("location") };
}

describe("every page says how it treats a unit-scoped member", () => {
  it("each page is in the signed-in app (probed or refusing) or listed as outside the scope model", () => {
    const routes = new Set(PAGES.map((p) => p.route));
    expect(PAGES.filter((p) => !p.inApp && !OUTSIDE_PAGES[p.route]).map((p) => p.file)).toEqual([]);
    expect(Object.keys(OUTSIDE_PAGES).filter((r) => !routes.has(r))).toEqual([]);
    const appRoutes = new Set(APP_PAGES.map((p) => p.route));
    expect(Object.keys(PAGE_PROBES).filter((r) => !appRoutes.has(r))).toEqual([]);
  });

  it("each page of the app with a dynamic segment has a URL to open", () => {
    expect(APP_PAGES.filter((p) => !pageUrl(f, p.route)).map((p) => p.route)).toEqual([]);
  });
});

describe("organization-wide pages refuse a scoped member", () => {
  it.each(REFUSING_PAGES.map((p) => [p.route, p] as const))(
    "%s: the 403 page, no row outside the scope",
    async (_route, p) => {
      const url = pageUrl(f, p.route)!;
      const hidden = hiddenTexts(f, "S1");
      for (const caller of [f.callers.s1Admin, f.callers.s1Manager]) {
        const page = await getPage(url, caller.cookie);
        expect(page.status, `${caller.role} ${url} ${page.location ?? ""}`).toBe(403);
        // A role below the page's is refused for the role first; whoever has the role meets the scope check.
        if (hasRole(caller.role, p.minRole)) expect(page.raw).toContain(ORG_WIDE_PAGE);
        for (const text of hidden) expect(page.html, `${caller.role} ${url}`).not.toContain(text);
      }
    },
  );
});

describe("pages outside the scope model show no row outside the scope", () => {
  const outside = Object.entries(OUTSIDE_PAGES).map(([route, o]) => [route, o.reason, o.url] as const);
  it.each(outside)("%s (%s)", async (route, _reason, url) => {
    for (const caller of [f.callers.s1Admin, f.callers.s1Manager]) {
      const page = await getPage(url ?? route, caller.cookie);
      expect(page.status, `${caller.role} ${route}`).toBeLessThan(500);
      expect(page.html).not.toContain(ORG_WIDE_PAGE);
      for (const text of hiddenTexts(f, "S1")) expect(page.html, `${caller.role} ${route}`).not.toContain(text);
    }
  });

  it("the member's own account page serves a scoped member", async () => {
    const page = await getPage("/account", f.callers.s1Manager.cookie);
    expect(page.status).toBe(200);
    expect(page.html).toContain(f.callers.s1Manager.email);
  });
});

describe("pages that serve scoped members show only their subtree", () => {
  if (Object.keys(PAGE_PROBES).length === 0) it.skip("(no page serves scoped members yet)", () => {});
  else
    it.each(Object.keys(PAGE_PROBES).map((k) => [k] as const))("%s", async (key) => {
      await PAGE_PROBES[key](f);
    });
});

// ---- Server actions ----

const actionKey = (a: { file: string; name: string }) => `${a.file}#${a.name}`;
const ROLE_ACTIONS = ACTIONS.filter((a) => a.access !== "public" && a.access !== "signed-in");
const REFUSING_ACTIONS = ROLE_ACTIONS.filter((a) => !ACTION_PROBES[actionKey(a)]);

describe("every server action says how it treats a unit-scoped member", () => {
  it("each 'use server' export is probed, refusing (it needs an organization role) or outside the scope model", () => {
    const table = new Set(ACTIONS.map((a) => `${a.file} ${a.name}`));
    expect(serverActionsInSource().filter((k) => !table.has(k))).toEqual([]);
    // Actions without an organization role are exactly the ones listed as outside, and nothing else is.
    const personal = ACTIONS.filter((a) => !ROLE_ACTIONS.includes(a)).map(actionKey);
    expect(personal.sort()).toEqual(Object.keys(OUTSIDE_ACTIONS).sort());
    expect(Object.keys(ACTION_PROBES).filter((k) => !ROLE_ACTIONS.some((a) => actionKey(a) === k))).toEqual([]);
  });
});

describe("organization-wide server actions refuse a scoped member", () => {
  it.each(REFUSING_ACTIONS.map((a) => [actionKey(a), a] as const))(
    "%s: the organization-wide message, nothing changed",
    async (_key, a) => {
      const unit = await db.unit.findUniqueOrThrow({ where: { id: f.units.S1 } });
      const before = await dbSnapshot();
      // The strongest scoped member: every role check passes, the scope check refuses.
      const r = await callServerAction(a, { cookie: f.callers.s1Admin.cookie });
      expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
      expect(r.text, r.text.slice(0, 300)).toContain(new OrgWideRequiredError(unit.name).message);
      expect(await dbSnapshot()).toBe(before);
    },
  );
});

describe("server actions that serve scoped members change only their subtree", () => {
  if (Object.keys(ACTION_PROBES).length === 0) it.skip("(no action serves scoped members yet)", () => {});
  else
    it.each(Object.keys(ACTION_PROBES).map((k) => [k] as const))("%s", async (key) => {
      await ACTION_PROBES[key](f);
    });
});
