// The scope matrix (docs/hierarchy.md, "The scope matrix test"), built like the cross-tenant suite: every /api/v1
// route names how it treats a unit-scoped caller (`scope` in lib/http/handler.ts). An "org" route refuses every
// scoped caller — member session or key, whatever their role — with a 403 naming their unit, and changes nothing; a
// "unit" route must have a probe (tests/integration/scope/probes.ts) proving that S1's and R1's callers see and change
// only their subtree. A new route fails here until it is one or the other.
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_MODULES } from "@/app/api/v1/routes.generated";
import { operations } from "@/lib/openapi/document";
import { db } from "@/lib/db";
import { baseURL, http } from "./http";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";
import { PROBES } from "./scope/probes";

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
