// Scope probes of who-am-I, access management and the organization's configuration (docs/hierarchy.md, "Scoped
// memberships"). Journeys, stages, touchpoints, surveys, channels and the unit tree are the organization's structure,
// not customer data: a scoped caller reads all of it (their writes stay organization-wide, which the matrix checks);
// only figures over responses (a survey's response and answer counts) are their units' alone.
import { expect } from "vitest";
import { http, type HttpResult } from "../http";
import type { ScopeFixture } from "./fixture";
import type { ScopeProbes } from "./probes";

/** Every scoped way in: S1's and R1's members by session and by key, and the organization admin's S1 key. */
function scopedCallers(f: ScopeFixture) {
  const { s1Manager, s1Agent, r1Viewer } = f.callers;
  return [
    { scope: "S1" as const, label: "s1Manager session", opts: { cookie: s1Manager.cookie } },
    { scope: "S1" as const, label: "s1Agent key", opts: { key: s1Agent.key } },
    { scope: "S1" as const, label: "S1 integration key", opts: { key: f.s1IntegrationKey } },
    { scope: "R1" as const, label: "r1Viewer session", opts: { cookie: r1Viewer.cookie } },
    { scope: "R1" as const, label: "r1Viewer key", opts: { key: r1Viewer.key } },
  ];
}

/** GETs `path` as every scoped caller and hands each 200 answer to `check`. */
async function asEveryScopedCaller(
  f: ScopeFixture,
  path: string,
  check: (res: HttpResult, scope: "S1" | "R1", label: string) => void,
) {
  for (const c of scopedCallers(f)) {
    const res = await http("GET", path, c.opts);
    expect(res.status, `${c.label} ${path}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
    check(res, c.scope, c.label);
  }
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** Fixture touchpoints: one per store and one without a unit, all in the organization's journey. */
const allTouchpoints = (f: ScopeFixture) => Object.values(f.rows).map((r) => r.touchpointId);
/** The fixture survey's responses in each scope: S1 4, S2 3 (R1 = 7); S3's, the unit-less and createOrg's are out. */
const SURVEY_RESPONSES = { S1: 4, R1: 7 };

export const ACCESS_PROBES: ScopeProbes = {
  "GET /api/v1/me": async (f) => {
    const viaSession = await http("GET", "/api/v1/me", { cookie: f.callers.s1Manager.cookie });
    expect(viaSession.status).toBe(200);
    expect(viaSession.body.scope).toEqual({ unitId: f.units.S1, unitName: expect.stringContaining("Store 1") });
    // A key without a unit of its own is scoped through its creator; an organization admin's key by its own unit.
    const viaKey = await http("GET", "/api/v1/me", { key: f.callers.r1Viewer.key });
    expect(viaKey.body.scope.unitId).toBe(f.units.R1);
    const integration = await http("GET", "/api/v1/me", { key: f.s1IntegrationKey });
    expect(integration.body.scope.unitId).toBe(f.units.S1);
    const orgWide = await http("GET", "/api/v1/me", { key: f.org.keys.viewer });
    expect(orgWide.body.scope).toBeNull();
  },

  "GET /api/v1/journeys": async (f) => {
    await asEveryScopedCaller(f, "/api/v1/journeys", (res) => {
      const journey = res.body.find((j: { id: string }) => j.id === f.org.ids.journey);
      // Counted over the whole structure: 1 stage, createOrg's touchpoint and the fixture's four.
      expect(journey).toMatchObject({ stageCount: 1, touchpointCount: 5 });
    });
  },

  "GET /api/v1/journeys/:id": async (f) => {
    for (const suffix of ["", "?includeArchived=true"]) {
      await asEveryScopedCaller(f, `/api/v1/journeys/${f.org.ids.journey}${suffix}`, (res) => {
        expect(res.body.stages.map((s: { id: string }) => s.id)).toEqual([f.org.ids.stage]);
        const tps = ids(res.body.stages[0].touchpoints);
        expect(tps).toEqual(expect.arrayContaining([...allTouchpoints(f), f.org.ids.touchpoint]));
      });
    }
    // Another organization's journey is still a 404.
    const other = await http("GET", "/api/v1/journeys/no-such-journey", { cookie: f.callers.s1Manager.cookie });
    expect(other.status).toBe(404);
  },

  "GET /api/v1/touchpoints": async (f) => {
    await asEveryScopedCaller(f, "/api/v1/touchpoints", (res) => {
      expect(ids(res.body)).toEqual(expect.arrayContaining([...allTouchpoints(f), f.org.ids.touchpoint]));
    });
  },

  "GET /api/v1/channels": async (f) => {
    await asEveryScopedCaller(f, "/api/v1/channels", (res) => {
      expect(ids(res.body)).toContain(f.org.ids.channel);
    });
  },

  "GET /api/v1/surveys": async (f) => {
    await asEveryScopedCaller(f, "/api/v1/surveys", (res, scope) => {
      const survey = res.body.find((s: { id: string }) => s.id === f.org.ids.survey);
      expect(survey.responseCount).toBe(SURVEY_RESPONSES[scope]);
    });
    // The whole organization counts every response: the fixture's 11 and createOrg's one.
    const orgWide = await http("GET", "/api/v1/surveys", { key: f.org.keys.viewer });
    expect(orgWide.body.find((s: { id: string }) => s.id === f.org.ids.survey).responseCount).toBe(12);
  },

  "GET /api/v1/surveys/:id": async (f) => {
    await asEveryScopedCaller(f, `/api/v1/surveys/${f.org.ids.survey}`, (res, scope) => {
      expect(res.body.id).toBe(f.org.ids.survey);
      expect(res.body.responseCount).toBe(SURVEY_RESPONSES[scope]);
    });
  },

  "GET /api/v1/units": async (f) => {
    await asEveryScopedCaller(f, "/api/v1/units", (res) => {
      expect(ids(res.body)).toEqual(expect.arrayContaining(Object.values(f.units)));
    });
  },

  "GET /api/v1/units/:id": async (f) => {
    // A unit outside the caller's scope is part of the structure too.
    await asEveryScopedCaller(f, `/api/v1/units/${f.units.S3}`, (res) => {
      expect(res.body).toMatchObject({ id: f.units.S3, code: "S3", parentId: f.units.R2 });
    });
  },
};
