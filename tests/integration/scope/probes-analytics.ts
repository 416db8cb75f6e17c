// Scope probes of the metrics and reports (docs/hierarchy.md, "How every read honours the scope"): every figure a
// scoped caller reads is computed over their units' rows only — S1's manager sees NPS +50 over 4 responses (SCORES),
// R1's viewer S1 + S2 — never the organization's, through their session and their key alike; the unit filter
// narrows within the scope, and a unit outside it is a 404.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { http, type HttpResult, type Json } from "../http";
import { SCORES, type ScopeFixture, type Store } from "./fixture";
import type { ScopeProbes } from "./probes";
import { expectTouchpointThemesInScope } from "./probes-themes";

/** NPS and n over the fixture's scores of `stores`, computed here from SCORES (not by the code under test). */
export function expectedNps(stores: readonly Store[]): { nps: number; n: number } {
  const scores = stores.flatMap((s) => SCORES[s]);
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return { nps: (100 * (promoters - detractors)) / scores.length, n: scores.length };
}

type As = "s1Manager" | "r1Viewer";

/** The unit ids of a scope: S1, or R1 with its stores. */
export const unitsOf = (f: ScopeFixture, scope: "S1" | "R1") =>
  scope === "S1" ? [f.units.S1] : [f.units.R1, f.units.S1, f.units.S2];

/**
 * The fixture journey's interactions of the last 90 days in `units`, read straight from the database: the matrix's
 * other probes log more of them in S1 (at any store's touchpoint), so the expected figures are counted, not assumed.
 */
export async function journeyVisits(f: ScopeFixture, units: string[]) {
  const touchpoints = await db.touchpoint.findMany({
    where: { orgId: f.orgId, journeyId: f.org.ids.journey },
    select: { id: true },
  });
  return db.interaction.findMany({
    where: {
      orgId: f.orgId,
      unitId: { in: units },
      touchpointId: { in: touchpoints.map((t) => t.id) },
      occurredAt: { gte: new Date(Date.now() - 89 * 86_400_000) },
    },
    select: { customerId: true, touchpointId: true },
  });
}
const SCOPE_OF: Record<As, "S1" | "R1"> = { s1Manager: "S1", r1Viewer: "R1" };

/** GET as a scoped caller through their key and their session (the same figures either way). */
async function asBoth(f: ScopeFixture, who: As, path: string): Promise<HttpResult[]> {
  const c = f.callers[who];
  const out = [await http("GET", path, { key: c.key }), await http("GET", path, { cookie: c.cookie })];
  for (const r of out) expect(r.status, `${who} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return out;
}

/** An NPS result ({ nps, n }) equals the figure over `stores`. */
function expectNps(r: { nps: number | null; n: number }, stores: readonly Store[], what: string) {
  const e = expectedNps(stores);
  expect(r.n, what).toBe(e.n);
  expect(r.nps, what).toBeCloseTo(e.nps, 6);
}

/** A unit outside the caller's scope (S2 for S1's manager, R2 for R1's viewer) or of no one is a problem+json 404. */
async function expectUnitFilterRefused(f: ScopeFixture, path: string) {
  const sep = path.includes("?") ? "&" : "?";
  for (const [who, unitId] of [
    ["s1Manager", f.units.S2],
    ["s1Manager", f.units.R1],
    ["r1Viewer", f.units.S3],
    ["r1Viewer", "no-such-unit"],
  ] as const) {
    const res = await http("GET", `${path}${sep}unitId=${unitId}`, { key: f.callers[who].key });
    expect(res.status, `${who} ${path} unitId outside`).toBe(404);
    expect(res.contentType).toContain("application/problem+json");
  }
}

/** The headline-style probe: each scoped caller's NPS over their stores, R1's narrowed to S1 by the unit filter. */
function npsProbe(path: string, pick: (body: HttpResult["body"]) => { nps: number | null; n: number }) {
  return async (f: ScopeFixture) => {
    for (const who of ["s1Manager", "r1Viewer"] as const)
      for (const res of await asBoth(f, who, path)) expectNps(pick(res.body), f.visible(SCOPE_OF[who]).stores, who);
    const sep = path.includes("?") ? "&" : "?";
    const [narrowed] = await asBoth(f, "r1Viewer", `${path}${sep}unitId=${f.units.S1}`);
    expectNps(pick(narrowed.body), ["S1"], "r1Viewer unitId=S1");
    // The organization's figure is a different one (it holds S3's and the unit-less responses too).
    const org = await http("GET", path, { key: f.org.keys.viewer });
    expect(pick(org.body).n).toBeGreaterThan(expectedNps(["S1", "S2", "S3", "none"]).n - 1);
    await expectUnitFilterRefused(f, path);
  };
}

/** Sum of the NPS n over a trend's buckets. */
const trendNps = (body: HttpResult["body"]) => {
  const points = body.nps as { n: number; promoters: number; detractors: number }[];
  const n = points.reduce((a, p) => a + p.n, 0);
  const net = points.reduce((a, p) => a + p.promoters - p.detractors, 0);
  return { n, nps: n ? (100 * net) / n : null };
};

export const ANALYTICS_PROBES: ScopeProbes = {
  "GET /api/v1/metrics/headline": npsProbe("/api/v1/metrics/headline", (b) => b.nps),
  "GET /api/v1/metrics/summary": async (f) => {
    await npsProbe("/api/v1/metrics/summary", (b) => b.current.nps)(f);
    // Invitations carry no unit: a scoped caller gets no response rate rather than the organization's.
    const [res] = await asBoth(f, "s1Manager", "/api/v1/metrics/summary");
    expect(res.body.responseRates).toEqual({ nps: null, csat: null, ces: null });
  },
  "GET /api/v1/metrics/trend": npsProbe("/api/v1/metrics/trend?bucket=day&preset=7d", trendNps),
  "GET /api/v1/metrics/compare": npsProbe("/api/v1/metrics/compare", (b) => b.b.nps),
};

/**
 * Item answers on every fixture response (once per fixture): a driver item "speed" and a SERVQUAL pair
 * (reliability, perception 5 against expectation 6), so the drivers and SERVQUAL reports have in-scope and hidden
 * rows to count. Only answers: no NPS figure changes.
 */
const answered = new WeakSet<ScopeFixture>();
export async function answerItems(f: ScopeFixture) {
  if (answered.has(f)) return;
  answered.add(f);
  const base = { orgId: f.orgId, surveyId: f.org.ids.survey, type: "score", scaleMin: 1, scaleMax: 7 };
  const [speed, perception, expectation] = await Promise.all(
    [
      { key: "scope-speed", position: 50, text: { en: "Speed" } },
      {
        key: "scope-sq-p",
        position: 51,
        text: { en: "Reliable" },
        servqualDimension: "reliability",
        servqualRole: "perception",
      },
      {
        key: "scope-sq-e",
        position: 52,
        text: { en: "Should be reliable" },
        servqualDimension: "reliability",
        servqualRole: "expectation",
      },
    ].map((q) => db.surveyQuestion.create({ data: { ...base, ...q } })),
  );
  const rows = Object.values(f.rows).flatMap((r) => r.responseIds);
  await db.answer.createMany({
    data: rows.flatMap((responseId, i) => [
      { orgId: f.orgId, responseId, questionId: speed.id, valueNumber: 1 + (i % 7) },
      { orgId: f.orgId, responseId, questionId: perception.id, valueNumber: 5 },
      { orgId: f.orgId, responseId, questionId: expectation.id, valueNumber: 6 },
    ]),
  });
}

/** Responses counted per fixture touchpoint in a report's rows, keyed by store. */
function perStore(f: ScopeFixture, rows: Json[], tp: (r: Json) => string, count: (r: Json) => number) {
  const out: Partial<Record<Store, number>> = {};
  for (const store of ["S1", "S2", "S3", "none"] as const) {
    const row = rows.find((r) => tp(r) === f.rows[store].touchpointId);
    if (row) out[store] = count(row);
  }
  return out;
}

/** What a caller scoped to S1 / R1 may count per store: the in-scope stores' responses, 0 elsewhere. */
const inScopeCounts = (scope: "S1" | "R1", hiddenAs: 0 | undefined) =>
  Object.fromEntries(
    (["S1", "S2", "S3", "none"] as const).flatMap((s) => {
      const visible = scope === "S1" ? s === "S1" : s === "S1" || s === "S2";
      if (visible) return [[s, SCORES[s].length]];
      return hiddenAs === undefined ? [] : [[s, hiddenAs]];
    }),
  );

Object.assign(ANALYTICS_PROBES, {
  "GET /api/v1/metrics/drivers": async (f: ScopeFixture) => {
    await answerItems(f);
    for (const who of ["s1Manager", "r1Viewer"] as const)
      for (const res of await asBoth(f, who, "/api/v1/metrics/drivers?outcome=nps")) {
        const survey = res.body.surveys.find((s: { id: string }) => s.id === f.org.ids.survey);
        expect(survey.responses, who).toBe(expectedNps(f.visible(SCOPE_OF[who]).stores).n);
        expect(res.body.n, who).toBe(expectedNps(f.visible(SCOPE_OF[who]).stores).n);
      }
    const [narrowed] = await asBoth(f, "r1Viewer", `/api/v1/metrics/drivers?unitId=${f.units.S2}`);
    expect(narrowed.body.n).toBe(SCORES.S2.length);
    await expectUnitFilterRefused(f, "/api/v1/metrics/drivers");
  },
  "GET /api/v1/reports/servqual": async (f: ScopeFixture) => {
    await answerItems(f);
    const pairs = (r: Json) => r.cells.find((c: Json) => c.dimension === "reliability").gap.n;
    for (const who of ["s1Manager", "r1Viewer"] as const)
      for (const res of await asBoth(f, who, "/api/v1/reports/servqual")) {
        const got = perStore(f, res.body.rows, (r) => r.touchpoint.id, pairs);
        expect(got, who).toEqual(inScopeCounts(SCOPE_OF[who], undefined));
      }
    const [narrowed] = await asBoth(f, "r1Viewer", `/api/v1/reports/servqual?unitId=${f.units.S2}`);
    expect(perStore(f, narrowed.body.rows, (r) => r.touchpoint.id, pairs)).toEqual({
      S2: SCORES.S2.length,
    });
    await expectUnitFilterRefused(f, "/api/v1/reports/servqual");
  },
  "GET /api/v1/reports/gaps": async (f: ScopeFixture) => {
    // A promise on every fixture touchpoint, so each is a row; a scoped caller's rows count their units only.
    await db.touchpoint.updateMany({
      where: { id: { in: Object.values(f.rows).map((r) => r.touchpointId) } },
      data: { targetNps: 0 },
    });
    const n = (r: Json) => r.gap.perceived.n;
    for (const who of ["s1Manager", "r1Viewer"] as const)
      for (const res of await asBoth(f, who, "/api/v1/reports/gaps")) {
        const got = perStore(f, res.body.rows, (r) => r.touchpoint.id, n);
        expect(got, who).toEqual(inScopeCounts(SCOPE_OF[who], 0));
      }
    // Each row's top themes count the caller's units' comments only.
    await expectTouchpointThemesInScope(f, "/api/v1/reports/gaps", (b) =>
      b.rows.map((r: Json) => ({ id: r.touchpoint.id, themes: r.themes })),
    );
    await expectUnitFilterRefused(f, "/api/v1/reports/gaps");
  },
  "GET /api/v1/journeys/:id/map": async (f: ScopeFixture) => {
    const path = `/api/v1/journeys/${f.org.ids.journey}/map`;
    type Tp = { id: string; live: { metrics: { nps: { n: number } }; interactions: { count: number } } };
    const touchpoints = (b: HttpResult["body"]): Tp[] => b.stages.flatMap((s: { touchpoints: Tp[] }) => s.touchpoints);
    for (const who of ["s1Manager", "r1Viewer"] as const)
      for (const res of await asBoth(f, who, path)) {
        const tps = touchpoints(res.body);
        expect(
          perStore(
            f,
            tps,
            (t) => t.id,
            (t) => t.live.metrics.nps.n,
          ),
          who,
        ).toEqual(inScopeCounts(SCOPE_OF[who], 0));
        // The interactions at each touchpoint: the in-scope ones only, as the database holds them.
        const visits = await journeyVisits(f, unitsOf(f, SCOPE_OF[who]));
        const expected = Object.fromEntries(
          tps.map((t) => [t.id, visits.filter((v) => v.touchpointId === t.id).length]),
        );
        expect(Object.fromEntries(tps.map((t) => [t.id, t.live.interactions.count])), who).toEqual(expected);
        expect(visits.length, who).toBeGreaterThanOrEqual(f.visible(SCOPE_OF[who]).stores.length);
      }
    // Each touchpoint's top themes count the caller's units' comments only.
    await expectTouchpointThemesInScope(f, path, (b) => b.stages.flatMap((s: Json) => s.touchpoints));
    await expectUnitFilterRefused(f, path);
  },
  "GET /api/v1/journeys/:id/paths": async (f: ScopeFixture) => {
    const path = `/api/v1/journeys/${f.org.ids.journey}/paths`;
    for (const who of ["s1Manager", "r1Viewer"] as const)
      for (const res of await asBoth(f, who, path)) {
        // A path per customer of the in-scope interactions, through the touchpoints they were at.
        const visits = await journeyVisits(f, unitsOf(f, SCOPE_OF[who]));
        expect(res.body.customers, who).toBe(new Set(visits.map((v) => v.customerId)).size);
        const seen = new Set(res.body.nodes.map((n: { touchpointId: string }) => n.touchpointId));
        expect([...seen].sort(), who).toEqual([...new Set(visits.map((v) => v.touchpointId))].sort());
        for (const store of f.hidden(SCOPE_OF[who]).stores)
          if (!visits.some((v) => v.touchpointId === f.rows[store].touchpointId))
            expect(seen.has(f.rows[store].touchpointId), `${who} ${store}`).toBe(false);
      }
    const [narrowed] = await asBoth(f, "r1Viewer", `${path}?unitId=${f.units.S2}`);
    const s2 = await journeyVisits(f, [f.units.S2]);
    expect(narrowed.body.customers).toBe(new Set(s2.map((v) => v.customerId)).size);
    await expectUnitFilterRefused(f, path);
  },
  "GET /api/v1/reports/units": async (f: ScopeFixture) => {
    const path = "/api/v1/reports/units";
    type Row = { unit: { id: string }; nps: { nps: number | null; n: number } };
    // S1's manager: the table starts at S1 (no units below it), S1's figure is the parent's.
    for (const res of await asBoth(f, "s1Manager", path)) {
      expect(res.body.parent.unit.id).toBe(f.units.S1);
      expect(res.body.parent.ancestors).toEqual([]);
      expectNps(res.body.parent.nps, ["S1"], "S1 parent");
      expect(res.body.rows).toEqual([]);
      expect(res.body.unattributed).toBe(0);
    }
    // R1's viewer: R1's stores against R1; drilling into S1 shows R1 in the breadcrumb, never the organization.
    for (const res of await asBoth(f, "r1Viewer", path)) {
      expect(res.body.parent.unit.id).toBe(f.units.R1);
      expect(res.body.parent.ancestors).toEqual([]);
      expectNps(res.body.parent.nps, ["S1", "S2"], "R1 parent");
      const rows = res.body.rows as Row[];
      expect(rows.map((r) => r.unit.id).sort()).toEqual([f.units.S1, f.units.S2].sort());
      expectNps(rows.find((r) => r.unit.id === f.units.S1)!.nps, ["S1"], "S1 row");
      expectNps(rows.find((r) => r.unit.id === f.units.S2)!.nps, ["S2"], "S2 row");
    }
    const [down] = await asBoth(f, "r1Viewer", `${path}?parentId=${f.units.S1}`);
    expect(down.body.parent.ancestors.map((a: { id: string }) => a.id)).toEqual([f.units.R1]);
    // A parent outside the subtree (above it, beside it, another organization's) is a 404 and says nothing of it.
    for (const [who, parentId] of [
      ["s1Manager", f.units.R1],
      ["s1Manager", f.units.S2],
      ["r1Viewer", f.units.R2],
      ["r1Viewer", f.units.S3],
      ["r1Viewer", "no-such-unit"],
    ] as const) {
      const res = await http("GET", `${path}?parentId=${parentId}`, { key: f.callers[who].key });
      expect(res.status, `${who} parentId`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Region 2");
    }
    await expectUnitFilterRefused(f, path);
    // The organization's table is a different one: the top-level units against the whole organization.
    const org = await http("GET", path, { key: f.org.keys.viewer });
    expect(org.body.parent.unit).toBeNull();
    expect(org.body.rows.map((r: Row) => r.unit.id)).toEqual(expect.arrayContaining([f.units.R1, f.units.R2]));
    await leagueOfCsatAndCes(f, path);
  },
});

/**
 * The league of CSAT and CES (`metric`) honours the scope as NPS does. The fixture has NPS only: for the probe, S1
 * gets 4 CSAT answers (3 satisfied) and 2 CES, S2 2 CSAT (none satisfied) and 2 CES, S3 5 satisfied CSAT and 2 CES,
 * removed at the end so the other probes count the fixture alone.
 */
async function leagueOfCsatAndCes(f: ScopeFixture, path: string) {
  const answers: [Store, "csat" | "ces", number[]][] = [
    ["S1", "csat", [5, 5, 4, 2]],
    ["S2", "csat", [1, 1]],
    ["S3", "csat", [4, 4, 4, 4, 4]],
    ["S1", "ces", [7, 5]],
    ["S2", "ces", [1, 3]],
    ["S3", "ces", [7, 7]],
  ];
  const unitOf = { S1: f.units.S1, S2: f.units.S2, S3: f.units.S3 } as Record<Store, string>;
  const ids: string[] = [];
  try {
    for (const [store, metric, scores] of answers)
      for (const score of scores) {
        const r = await db.response.create({
          data: {
            orgId: f.orgId,
            surveyId: f.org.ids.survey,
            clientId: `league-${metric}-${store}-${ids.length}`,
            metric,
            score,
            completed: true,
            submittedAt: new Date(Date.now() - 86_400_000),
            unitId: unitOf[store],
          },
        });
        ids.push(r.id);
      }
    type Row = { unit: { id: string }; csat?: { n: number; csat: number }; ces?: { n: number; mean: number } };
    const figure = (metric: "csat" | "ces", stores: Store[]) => {
      const scores = answers.filter(([s, m]) => m === metric && stores.includes(s)).flatMap(([, , x]) => x);
      const n = scores.length;
      return metric === "csat"
        ? { n, csat: (100 * scores.filter((x) => x >= 4).length) / n }
        : { n, mean: scores.reduce((a, b) => a + b, 0) / n };
    };
    for (const metric of ["csat", "ces"] as const) {
      const q = `${path}?metric=${metric}`;
      for (const res of await asBoth(f, "s1Manager", q)) {
        expect(res.body.metric).toBe(metric);
        expect(res.body.parent.unit.id).toBe(f.units.S1);
        expect(res.body.parent[metric]).toMatchObject(figure(metric, ["S1"]));
        expect(res.body.rows).toEqual([]);
      }
      for (const res of await asBoth(f, "r1Viewer", q)) {
        expect(res.body.parent[metric], `R1 ${metric}`).toMatchObject(figure(metric, ["S1", "S2"]));
        const rows = res.body.rows as Row[];
        expect(rows.map((r) => r.unit.id).sort()).toEqual([f.units.S1, f.units.S2].sort());
        expect(rows.find((r) => r.unit.id === f.units.S2)![metric]).toMatchObject(figure(metric, ["S2"]));
        expect(JSON.stringify(res.body)).not.toContain(f.units.S3);
      }
      for (const [who, parentId] of [
        ["s1Manager", f.units.R1],
        ["r1Viewer", f.units.R2],
      ] as const) {
        const res = await http("GET", `${q}&parentId=${parentId}`, { key: f.callers[who].key });
        expect(res.status, `${who} ${metric} parentId`).toBe(404);
      }
    }
  } finally {
    await db.response.deleteMany({ where: { id: { in: ids } } });
  }
}
