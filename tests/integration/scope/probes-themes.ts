// Scope probes of theme analytics (docs/text-analytics.md, "Theme analytics"): a scoped caller's themes are counted
// over their units' comments only. Once per fixture, each store's responses get an analysed comment about one theme
// (S1: billing, S2: staff, S3 and the unit-less ones: waiting time) added to its text, written through analyseOnWrite.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/db-bulk";
import { analyseOnWrite } from "@/lib/text-analytics/store";
import { http, type Json } from "../http";
import type { ScopeFixture, Store } from "./fixture";
import type { ScopeProbes } from "./probes";

const TEXT: Record<Store, string> = {
  S1: "The bill was wrong again.",
  S2: "Friendly staff.",
  S3: "I waited on hold forever.",
  none: "I waited on hold forever.",
};
const THEME: Record<Store, string> = { S1: "billing", S2: "staff", S3: "waiting-time", none: "waiting-time" };

const commented = new WeakSet<ScopeFixture>();
async function comment(f: ScopeFixture) {
  if (commented.has(f)) return;
  commented.add(f);
  const question = await db.surveyQuestion.create({
    data: {
      orgId: f.orgId,
      surveyId: f.org.ids.survey,
      key: "scope-why",
      type: "text",
      position: 60,
      text: { en: "Why?" },
    },
  });
  const stored = await db.response.findMany({
    where: { id: { in: Object.values(f.rows).flatMap((r) => r.responseIds) } },
    select: { id: true, orgId: true, submittedAt: true, comment: true },
  });
  const storeOf = new Map(
    (Object.keys(f.rows) as Store[]).flatMap((s) => f.rows[s].responseIds.map((id) => [id, s] as const)),
  );
  // The comment keeps its fixture text (other probes look for it) and gains the theme's sentence; the answer and the
  // response's comment stay one text, as every write path keeps them, so the stored spans fall on its words.
  const responses = stored.map(({ comment, ...r }) => ({
    ...r,
    locale: "en",
    comment: `${comment ?? ""} ${TEXT[storeOf.get(r.id)!]}`.trim(),
  }));
  const answers = responses.map((r) => ({
    id: newId(),
    orgId: f.orgId,
    responseId: r.id,
    questionId: question.id,
    valueText: r.comment,
  }));
  await db.$transaction(async (tx) => {
    await tx.answer.createMany({ data: answers });
    for (const r of responses) await tx.response.update({ where: { id: r.id }, data: { comment: r.comment } });
    await analyseOnWrite(tx, { responses, answers });
  });
}

/**
 * The journey map's and the gap report's top themes per touchpoint (docs/text-analytics.md, "Top themes per
 * touchpoint"): each store's touchpoint, as S1's manager and R1's viewer read it through their key and session,
 * mentions its store's theme once per response when the store is in their scope, and has no comment at all otherwise.
 */
export async function expectTouchpointThemesInScope(
  f: ScopeFixture,
  path: string,
  touchpointsOf: (
    body: Json,
  ) => { id: string; themes: { comments: number; themes: { key: string; mentions: number }[] } }[],
) {
  await comment(f);
  for (const [who, stores] of [
    ["s1Manager", ["S1"]],
    ["r1Viewer", ["S1", "S2"]],
  ] as const) {
    const c = f.callers[who];
    for (const opts of [{ key: c.key }, { cookie: c.cookie }]) {
      const res = await http("GET", path, opts);
      expect(res.status, `${who} ${path}`).toBe(200);
      const tps = touchpointsOf(res.body);
      for (const s of ["S1", "S2", "S3", "none"] as const) {
        const tp = tps.find((t) => t.id === f.rows[s].touchpointId);
        if (!tp) continue; // the gap report lists touchpoints with a promise only
        const seen = (stores as readonly Store[]).includes(s);
        const mentions = tp.themes.themes.find((t) => t.key === THEME[s])?.mentions ?? 0;
        expect(mentions, `${who} ${path} ${s}`).toBe(seen ? f.rows[s].responseIds.length : 0);
        if (!seen) expect(tp.themes.comments, `${who} ${path} ${s}`).toBe(0);
      }
      expect(tps.length).toBeGreaterThan(0);
    }
  }
}

const mentionsOf = (body: Json, theme: string) =>
  (body.themes as { theme: string; mentions: number }[]).find((t) => t.theme === theme)!.mentions;

export const THEME_PROBES: ScopeProbes = {
  "GET /api/v1/metrics/themes": async (f) => {
    await comment(f);
    for (const [who, stores] of [
      ["s1Manager", ["S1"]],
      ["r1Viewer", ["S1", "S2"]],
    ] as const) {
      const c = f.callers[who];
      for (const opts of [{ key: c.key }, { cookie: c.cookie }]) {
        const res = await http("GET", "/api/v1/metrics/themes", opts);
        expect(res.status, who).toBe(200);
        for (const s of ["S1", "S2", "S3"] as const) {
          const seen = (stores as readonly Store[]).includes(s);
          expect(mentionsOf(res.body, THEME[s]), `${who} ${THEME[s]}`).toBe(seen ? f.rows[s].responseIds.length : 0);
        }
      }
    }
    // The unit filter narrows R1's viewer to S1; a unit outside the scope is a 404.
    const narrowed = await http("GET", `/api/v1/metrics/themes?unitId=${f.units.S1}`, { key: f.callers.r1Viewer.key });
    expect(mentionsOf(narrowed.body, "staff")).toBe(0);
    expect(mentionsOf(narrowed.body, "billing")).toBe(f.rows.S1.responseIds.length);
    const outside = await http("GET", `/api/v1/metrics/themes?unitId=${f.units.S2}`, { key: f.callers.s1Manager.key });
    expect(outside.status).toBe(404);
    // The organization sees every store's.
    const org = await http("GET", "/api/v1/metrics/themes", { key: f.org.keys.viewer });
    expect(mentionsOf(org.body, "waiting-time")).toBe(f.rows.S3.responseIds.length + f.rows.none.responseIds.length);
  },

  "GET /api/v1/metrics/themes/trend": async (f) => {
    await comment(f);
    const res = await http("GET", "/api/v1/metrics/themes/trend?theme=staff", { key: f.callers.s1Manager.key });
    expect(res.status).toBe(200);
    const points = res.body.themes[0].points as { mentions: number }[];
    expect(points.reduce((s, p) => s + p.mentions, 0)).toBe(0);
    const r1 = await http("GET", "/api/v1/metrics/themes/trend?theme=staff", { key: f.callers.r1Viewer.key });
    const r1Points = r1.body.themes[0].points as { mentions: number }[];
    expect(r1Points.reduce((s, p) => s + p.mentions, 0)).toBe(f.rows.S2.responseIds.length);
  },
};
