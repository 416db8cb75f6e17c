// Scope probes of who-am-I and access management (docs/hierarchy.md, "Scoped memberships").
import { expect } from "vitest";
import { http } from "../http";
import type { ScopeProbes } from "./probes";

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
};
