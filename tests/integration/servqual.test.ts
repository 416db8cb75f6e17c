// The SERVQUAL view through GET /api/v1/reports/servqual against the real database (SQLite or PostgreSQL): the
// means, paired gaps, intervals and verdicts the API answers equal lib/journeys/servqual.ts run in memory on the
// same answers; responses with only one side of a dimension count for that side's mean, not the gap; filters
// and the period narrow the rows; another organization's answers never count; CSV has one line per cell.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SERVQUAL_DIMENSIONS } from "@/lib/journeys/schema";
import { momentsOf, servqualCell } from "@/lib/journeys/servqual";
import { TEMPLATES } from "@/lib/surveys/templates";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, type Json } from "./http";

type Dim = (typeof SERVQUAL_DIMENSIONS)[number];
type Gen = {
  id: string;
  tp: string;
  at: Date;
  channelId: string;
  p: Partial<Record<Dim, number>>;
  e: Partial<Record<Dim, number>>;
};

const RANGE = "preset=custom&from=2026-01-01&to=2026-06-30";
const IN_RANGE = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2026-07-01T00:00:00Z") };
const QUESTIONS = TEMPLATES.servqual.questions.map((q) => ({
  key: q.key,
  type: q.type,
  required: q.required,
  scaleMin: q.scaleMin,
  scaleMax: q.scaleMax,
  text: { en: q.text.en },
  servqualDimension: q.servqualDimension,
  servqualRole: q.servqualRole,
}));

let A: Org;
let B: Org;
let tp2: string;
let web: string;
const generated: Gen[] = [];

async function seed(
  org: Org,
  touchpoints: string[],
  channels: string[],
  count: number,
  salt: number,
  shortAt: string | null,
) {
  const s = await createSurvey(org.orgId, { type: "servqual", questions: QUESTIONS, languages: ["en"] });
  let state = salt;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const prefix = `sq${uid().slice(0, 6)}`;
  const rows: Gen[] = [];
  for (let i = 0; i < count; i++) {
    const tp = touchpoints[i % touchpoints.length];
    const at =
      i % 19 === 0
        ? new Date("2025-12-31T23:59:59.999Z")
        : new Date(IN_RANGE.from + Math.floor(rnd() * (IN_RANGE.to - IN_RANGE.from)));
    const p: Gen["p"] = {};
    const e: Gen["e"] = {};
    for (const d of SERVQUAL_DIMENSIONS) {
      const exp = 4 + Math.floor(rnd() * 4);
      const short = tp === shortAt && d === "responsiveness" ? 2 : 0;
      const per = Math.min(7, Math.max(1, exp - short + Math.floor(rnd() * 3) - 1));
      // some responses skip one side of a dimension: they count for that side's mean only
      if (!(d === "empathy" && i % 7 === 3)) e[d] = exp;
      if (!(d === "tangibles" && i % 5 === 2)) p[d] = per;
    }
    rows.push({ id: `${prefix}${String(i).padStart(5, "0")}`, tp, at, channelId: channels[i % channels.length], p, e });
  }
  await db.response.createMany({
    data: rows.map((g) => ({
      id: g.id,
      orgId: org.orgId,
      surveyId: s.id,
      clientId: g.id,
      touchpointId: g.tp,
      channelId: g.channelId,
      completed: true,
      submittedAt: g.at,
    })),
  });
  await db.answer.createMany({
    data: rows.flatMap((g) =>
      SERVQUAL_DIMENSIONS.flatMap((d) => [
        ...(g.e[d] === undefined
          ? []
          : [{ orgId: org.orgId, responseId: g.id, questionId: s.questionIds[`exp_${d}`], valueNumber: g.e[d]! }]),
        ...(g.p[d] === undefined
          ? []
          : [{ orgId: org.orgId, responseId: g.id, questionId: s.questionIds[`per_${d}`], valueNumber: g.p[d]! }]),
      ]),
    ),
  });
  return rows;
}

/** The cells the API should answer, computed in memory from the generated answers. */
function expected(rows: Gen[], tp: string) {
  const inScope = rows.filter((g) => g.tp === tp && g.at.getTime() >= IN_RANGE.from && g.at.getTime() < IN_RANGE.to);
  return SERVQUAL_DIMENSIONS.map((d) => {
    const pairs = inScope.filter((g) => g.p[d] !== undefined && g.e[d] !== undefined);
    return servqualCell(
      d,
      momentsOf(inScope.flatMap((g) => (g.p[d] === undefined ? [] : [g.p[d]!]))),
      momentsOf(inScope.flatMap((g) => (g.e[d] === undefined ? [] : [g.e[d]!]))),
      momentsOf(pairs.map((g) => g.p[d]! - g.e[d]!)),
    );
  });
}

const get = (query: string, org: Org = A) => http("GET", `/api/v1/reports/servqual?${query}`, { key: org.keys.viewer });

function expectCells(got: Json[], want: ReturnType<typeof expected>) {
  expect(got.map((c) => c.dimension)).toEqual([...SERVQUAL_DIMENSIONS]);
  want.forEach((w, i) => {
    const c = got[i];
    expect(c.status, w.dimension).toBe(w.status);
    expect(c.significant, w.dimension).toBe(w.significant);
    for (const side of ["perception", "expectation", "gap"] as const) {
      expect(c[side].n, `${w.dimension} ${side}`).toBe(w[side].n);
      for (const k of ["mean", "low", "high"] as const) {
        if (w[side][k] === null) expect(c[side][k]).toBeNull();
        else expect(c[side][k], `${w.dimension} ${side} ${k}`).toBeCloseTo(w[side][k]!, 9);
      }
    }
  });
}

beforeAll(async () => {
  [A, B] = [await createOrg("servqual-a"), await createOrg("servqual-b")];
  tp2 = (
    await db.touchpoint.create({
      data: {
        orgId: A.orgId,
        journeyId: A.ids.journey,
        stageId: A.ids.stage,
        name: "Call back",
        kind: "human",
        position: 1,
      },
    })
  ).id;
  web = (await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } })).id;
  generated.push(...(await seed(A, [A.ids.touchpoint, tp2], [A.ids.channel, web], 240, 11, tp2)));
  // The other organization: same shape, in the same period, never in A's figures.
  await seed(B, [B.ids.touchpoint], [B.ids.channel], 80, 5, B.ids.touchpoint);
}, 120_000);

describe("GET /api/v1/reports/servqual", () => {
  it("answers per touchpoint and dimension the means and paired gaps computed in memory on the same answers", async () => {
    const res = await get(RANGE);
    expect(res.status).toBe(200);
    expect(res.body.dimensions).toEqual([...SERVQUAL_DIMENSIONS]);
    expect(res.body.rows.map((r: Json) => r.touchpoint.id)).toEqual([A.ids.touchpoint, tp2]); // stage order, then position
    expectCells(res.body.rows[0].cells, expected(generated, A.ids.touchpoint));
    expectCells(res.body.rows[1].cells, expected(generated, tp2));
    const callBack = res.body.rows[1].cells.find((c: Json) => c.dimension === "responsiveness");
    expect(callBack).toMatchObject({ status: "shortfall", significant: true });
    expect(callBack.gap.mean).toBeLessThan(-1.5);
    // one side skipped: the mean counts it, the gap does not
    const tangibles = res.body.rows[0].cells[0];
    expect(tangibles.expectation.n).toBeGreaterThan(tangibles.perception.n);
    expect(tangibles.gap.n).toBe(tangibles.perception.n);
  });

  it("applies the channel and touchpoint filters and the period", async () => {
    const byChannel = await get(`${RANGE}&channelId=${web}`);
    const want = expected(
      generated.filter((g) => g.channelId === web),
      tp2,
    );
    expectCells(byChannel.body.rows.find((r: Json) => r.touchpoint.id === tp2).cells, want);
    const one = await get(`${RANGE}&touchpointId=${tp2}`);
    expect(one.body.rows.map((r: Json) => r.touchpoint.id)).toEqual([tp2]);
    const before = await get("preset=custom&from=2025-12-01&to=2025-12-31");
    expect(before.body.rows.length).toBe(2);
    expect(before.body.rows[0].cells[1].gap.n).toBe(
      generated.filter((g) => g.tp === A.ids.touchpoint && g.at.getTime() < IN_RANGE.from).length,
    );
    expect(before.body.rows[0].cells[1].status).toBe("too_few");
    expect((await get("preset=custom&from=2024-01-01&to=2024-02-01")).body.rows).toEqual([]);
  });

  it("never counts another organization's answers, and its ids match nothing", async () => {
    const b = await get(RANGE, B);
    expect(b.body.rows.map((r: Json) => r.touchpoint.id)).toEqual([B.ids.touchpoint]);
    expect(b.body.rows[0].cells[2].gap.n).toBeLessThanOrEqual(80);
    expect((await get(`${RANGE}&touchpointId=${B.ids.touchpoint}`)).body.rows).toEqual([]);
  });

  it("downloads one CSV line per touchpoint and dimension; bad input names the field", async () => {
    const res = await http("GET", `/api/v1/reports/servqual?${RANGE}&format=csv`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("resonance-servqual-gaps-2026-01-01-to-2026-06-30.csv");
    const lines = String(res.body).trim().split("\r\n");
    expect(lines[0]).toBe(
      "journey,stage,touchpoint,dimension,perception,perception_n,expectation,expectation_n,gap,gap_low,gap_high,pairs,significant,status",
    );
    expect(lines.length).toBe(1 + 2 * 5);
    expect(lines.some((l) => l.includes(",Call back,responsiveness,") && l.endsWith(",true,shortfall"))).toBe(true);
    const bad = await get("format=xml&preset=weird");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("format");
    expect(JSON.stringify(bad.body)).toContain("preset");
  });
});
