// Scope probes of text analytics (docs/text-analytics.md): the taxonomy is the organization's configuration, not
// customer data, so every scoped caller reads all of it — the same themes as an organization-wide caller — while its
// writes stay organization-wide (the scope matrix checks those as "org" routes).
import { expect } from "vitest";
import { http } from "../http";
import type { ScopeProbes } from "./probes";

const SCOPED = (f: Parameters<ScopeProbes[string]>[0]) => [
  { cookie: f.callers.s1Manager.cookie },
  { key: f.callers.s1Agent.key },
  { key: f.s1IntegrationKey },
  { cookie: f.callers.r1Viewer.cookie },
];

export const TEXT_PROBES: ScopeProbes = {
  "GET /api/v1/text/themes": async (f) => {
    const orgWide = await http("GET", "/api/v1/text/themes", { key: f.org.keys.viewer });
    expect(orgWide.status).toBe(200);
    expect(orgWide.body.themes.length).toBeGreaterThan(5);
    for (const opts of SCOPED(f)) {
      const res = await http("GET", "/api/v1/text/themes", opts);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(orgWide.body);
    }
  },

  "GET /api/v1/text/themes/:id": async (f) => {
    const path = `/api/v1/text/themes/${f.org.ids.textTheme}`;
    for (const opts of SCOPED(f)) {
      const res = await http("GET", path, opts);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: f.org.ids.textTheme, key: "billing" });
    }
  },
};
