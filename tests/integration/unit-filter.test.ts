// The unit filter of every metric and report (docs/hierarchy.md, "How every read honours the scope";
// lib/analytics/unit-filter.ts): `unitId` counts that unit and its subtree, intersected with the caller's scope; a unit
// outside the scope or of another organization is a 404 problem+json, a malformed one a 400 naming `unitId`. On the
// scope matrix's organization (R1 {S1, S2}, R2 {S3}; NPS scores per store in SCORES), on both databases.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/ctx";
import { NotFoundError } from "@/lib/errors";
import { narrowToUnit, unitFilterOptions } from "@/lib/analytics/unit-filter";
import { analyticsFilters } from "@/lib/analytics/filters";
import { getSummary } from "@/lib/analytics/service";
import { loadScope } from "@/lib/units/scope-load";
import { unitLeague } from "@/lib/units/league";
import { createOrg, type Org } from "../factories";
import { http } from "./http";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";
import { expectedNps } from "./scope/probes-analytics";

let f: ScopeFixture;
let other: Org;
let orgViewer: Ctx;
let r1Viewer: Ctx;

beforeAll(async () => {
  f = await createScopeFixture("unit-filter");
  other = await createOrg("unit-filter-other");
  orgViewer = f.org.ctx("viewer");
  r1Viewer = {
    orgId: f.orgId,
    userId: f.callers.r1Viewer.userId,
    role: "viewer",
    apiKeyId: null,
    scope: await loadScope(f.orgId, f.units.R1),
  };
});

const nps = async (ctx: Ctx, unitId?: string) =>
  (await getSummary(ctx, analyticsFilters.parse({ unitId }))).current.nps;

describe("the unit filter counts the unit's subtree", () => {
  it("a region counts its stores, a store itself, for an organization-wide caller", async () => {
    for (const [unit, stores] of [
      ["R1", ["S1", "S2"]],
      ["R2", ["S3"]],
      ["S2", ["S2"]],
    ] as const) {
      const r = await nps(orgViewer, f.units[unit]);
      const e = expectedNps(stores);
      expect(r.n, unit).toBe(e.n);
      expect(r.nps, unit).toBeCloseTo(e.nps, 6);
    }
    // Without the filter: every response, the unit-less ones too (createOrg's own detractor among them).
    expect((await nps(orgViewer)).n).toBe(expectedNps(["S1", "S2", "S3", "none"]).n + 1);
  });

  it("an archived unit keeps its history in the filter", async () => {
    await db.unit.update({ where: { id: f.units.S2 }, data: { archivedAt: new Date() } });
    try {
      expect((await nps(orgViewer, f.units.S2)).n).toBe(expectedNps(["S2"]).n);
      expect((await nps(orgViewer, f.units.R1)).n).toBe(expectedNps(["S1", "S2"]).n);
      const picker = await unitFilterOptions(orgViewer);
      expect(picker.units.find((u) => u.id === f.units.S2)?.archived).toBe(true);
    } finally {
      await db.unit.update({ where: { id: f.units.S2 }, data: { archivedAt: null } });
    }
  });
});

describe("intersected with the caller's scope", () => {
  it("inside the scope: the unit's subtree; outside it or another organization's: 404", async () => {
    expect((await narrowToUnit(r1Viewer, f.units.S1)).scope?.unitIds).toEqual([f.units.S1]);
    expect((await narrowToUnit(r1Viewer, f.units.R1)).scope?.unitIds.sort()).toEqual(
      [f.units.R1, f.units.S1, f.units.S2].sort(),
    );
    expect((await nps(r1Viewer, f.units.S1)).n).toBe(expectedNps(["S1"]).n);
    expect(await narrowToUnit(r1Viewer, undefined)).toBe(r1Viewer);
    for (const unitId of [f.units.S3, f.units.R2, other.ids.unit, "no-such-unit"])
      await expect(narrowToUnit(r1Viewer, unitId), unitId).rejects.toBeInstanceOf(NotFoundError);
    await expect(narrowToUnit(orgViewer, other.ids.unit)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the picker offers the caller's units only, their scope unit first", async () => {
    const picker = await unitFilterOptions(r1Viewer);
    expect(picker.units.map((u) => u.id)).toEqual([f.units.R1, f.units.S1, f.units.S2]);
    expect(picker.scopeUnitName).toContain("Region 1");
    expect(picker.units.map((u) => u.indent)).toEqual([0, 1, 1]);
    const all = await unitFilterOptions(orgViewer);
    expect(all.scopeUnitName).toBeNull();
    expect(all.units.map((u) => u.id)).toEqual(expect.arrayContaining(Object.values(f.units)));
    expect(all.units.map((u) => u.id)).not.toContain(other.ids.unit);
  });

  it("the league table starts at the filtered unit", async () => {
    const league = await unitLeague(orgViewer, { ...analyticsFilters.parse({}), unitId: f.units.R1 });
    expect(league.parent.unit?.id).toBe(f.units.R1);
    expect(league.rows.map((r) => r.unit.id).sort()).toEqual([f.units.S1, f.units.S2].sort());
  });
});

const REPORTS = [
  "/api/v1/metrics/headline",
  "/api/v1/metrics/summary",
  "/api/v1/metrics/trend",
  "/api/v1/metrics/compare",
  "/api/v1/metrics/drivers",
  "/api/v1/reports/gaps",
  "/api/v1/reports/servqual",
  "/api/v1/reports/units",
  "/api/v1/journeys/:id/map",
  "/api/v1/journeys/:id/paths",
];

describe("over HTTP, on every report", () => {
  it.each(REPORTS.map((p) => [p]))(
    "%s: another organization's unit is a 404, a malformed one a 400 naming unitId, S3 for R1's viewer a 404",
    async (p) => {
      const path = p.replace(":id", f.org.ids.journey);
      const foreign = await http("GET", `${path}?unitId=${other.ids.unit}`, { key: f.org.keys.viewer });
      expect(foreign.status).toBe(404);
      expect(foreign.contentType).toContain("application/problem+json");
      expect(JSON.stringify(foreign.body)).not.toContain("unit-filter-other");
      const bad = await http("GET", `${path}?unitId=${"x".repeat(65)}`, { key: f.org.keys.viewer });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.errors ?? bad.body)).toContain("unitId");
      const outside = await http("GET", `${path}?unitId=${f.units.S3}`, { key: f.callers.r1Viewer.key });
      expect(outside.status).toBe(404);
      const inside = await http("GET", `${path}?unitId=${f.units.S2}`, { key: f.callers.r1Viewer.key });
      expect(inside.status, JSON.stringify(inside.body)).toBe(200);
    },
  );

  it("the headline narrows to S2 for R1's viewer and to R2 for the organization", async () => {
    const s2 = await http("GET", `/api/v1/metrics/headline?unitId=${f.units.S2}`, { key: f.callers.r1Viewer.key });
    expect(s2.body.nps.n).toBe(expectedNps(["S2"]).n);
    const r2 = await http("GET", `/api/v1/metrics/headline?unitId=${f.units.R2}`, { key: f.org.keys.viewer });
    expect(r2.body.nps.n).toBe(expectedNps(["S3"]).n);
    expect(r2.body.nps.nps).toBeCloseTo(expectedNps(["S3"]).nps, 6);
  });
});

describe("the dashboard's drill-down, organization → region → store", () => {
  it("lists the units below the one shown, each linking to its dashboard, with a way back up", async () => {
    const as = { cookie: f.orgAdminCookie };
    const top = (await http("GET", "/", as)).body as string;
    for (const unit of ["R1", "R2"] as const) expect(top).toContain(`href="/?unitId=${f.units[unit]}"`);
    expect(top).not.toContain("Up one level");
    const region = (await http("GET", `/?preset=30d&unitId=${f.units.R1}`, as)).body as string;
    // The filters are kept on every link; the region's stores are listed, the other region is not.
    expect(region).toContain(`href="/?preset=30d&amp;unitId=${f.units.S1}"`);
    expect(region).toContain(`href="/?preset=30d&amp;unitId=${f.units.S2}"`);
    expect(region).not.toContain(`unitId=${f.units.S3}"`);
    expect(region).toContain(`href="/?preset=30d"`); // up: the whole organization
    const store = (await http("GET", `/?unitId=${f.units.S2}`, as)).body as string;
    expect(store).toContain(`href="/?unitId=${f.units.R1}"`);
    expect(store).toContain("No units below");
  });
});
