// Worked examples of docs/metrics.md, "Themes". Reference values from Python 3 with scipy 1.17
// (scipy.stats.norm, scipy.stats.t, scipy.stats.ttest_ind(equal_var=False), scipy.stats.false_discovery_control),
// computed apart from this code; the arithmetic is repeated in the comments.
import { describe, expect, it } from "vitest";
import type { Distribution } from "../metrics";
import { momentsOf } from "../metrics/moments";
import {
  themeChanges,
  themeCountsOf,
  themeFigures,
  themeShare,
  themeStats,
  themeCountsFromRows,
  themeTrend,
  themeTrendsFromRows,
  type AnalysedComment,
} from "./theme-stats";

const dist = (counts: Record<number, number>): Distribution =>
  Object.entries(counts).map(([score, count]) => ({ score: Number(score), count }));

// 400 NPS responses: promoters 200, passives 100, detractors 100 → NPS 25.
const POPULATION = dist({ 10: 120, 9: 80, 8: 60, 7: 40, 6: 30, 5: 20, 3: 20, 0: 30 });
// 80 of them mention billing: promoters 16, passives 24, detractors 40 → NPS −30.
const BILLING = dist({ 10: 8, 9: 8, 8: 14, 7: 10, 6: 10, 5: 10, 3: 10, 0: 10 });
// Their sentiment: 50 × −0.6, 20 × 0, 10 × 0.5.
const SENTIMENT = momentsOf([...Array(50).fill(-0.6), ...Array(20).fill(0), ...Array(10).fill(0.5)]);

describe("themeFigures (NPS)", () => {
  const f = themeFigures("nps", 250, POPULATION, {
    theme: "billing",
    mentions: 80,
    sentimentSum: SENTIMENT.sum,
    sentimentSumSquares: SENTIMENT.sumSq,
    scores: BILLING,
  });

  it("share of comments with its Wilson interval", () => {
    // 80 of 250 = 32 %; Wilson centre (0.32 + 1.96²/500)/(1 + 1.96²/250) = 0.32277, half 0.05745.
    expect(f.share.share).toBe(32);
    expect(f.share.low).toBeCloseTo(26.5274, 3);
    expect(f.share.high).toBeCloseTo(38.0174, 3);
    expect(f.share.enough).toBe(true);
  });

  it("mean sentiment with its t-interval", () => {
    // mean = −25 / 80 = −0.3125; t₀.₉₇₅(79) · s / √80 = 0.08918.
    expect(f.sentiment.mean).toBeCloseTo(-0.3125, 10);
    expect(f.sentiment.low).toBeCloseTo(-0.401683, 5);
    expect(f.sentiment.high).toBeCloseTo(-0.223317, 5);
  });

  it("mentioners against everyone else, with the interval of the difference", () => {
    // Others = population − mentioners: 184 promoters, 60 detractors of 320 → NPS 38.75,
    // Var = 10,000 · (0.7625 − 0.3875²) / 320 = 19.1357. Mentioners: Var = 10,000 · (0.7 − 0.09) / 80 = 76.25.
    expect(f.mentioners).toMatchObject({ n: 80, nps: -30, variance: 76.25 });
    expect(f.others).toMatchObject({ n: 320, promoters: 184, detractors: 60, nps: 38.75 });
    expect((f.others as { variance: number }).variance).toBeCloseTo(19.135742, 5);
    // Δ = −30 − 38.75 = −68.75, SE = √(76.25 + 19.1357) = 9.7666, interval Δ ± 1.96 · SE.
    expect(f.difference.delta).toBeCloseTo(-68.75, 10);
    expect(f.difference.se).toBeCloseTo(9.766562, 5);
    expect(f.difference.low).toBeCloseTo(-87.892462, 4);
    expect(f.difference.high).toBeCloseTo(-49.607538, 4);
    expect(f.difference.significant).toBe(true);
    expect(f.enough).toBe(true);
  });

  it("contribution: overall NPS − NPS without the mentioners = w · Δ", () => {
    // 25 − 38.75 = −13.75 = 0.2 · (−68.75); interval 0.2 · [−87.89, −49.61].
    expect(f.contribution.value).toBeCloseTo(-13.75, 10);
    expect(f.contribution.low).toBeCloseTo(-17.578492, 4);
    expect(f.contribution.high).toBeCloseTo(-9.921508, 4);
  });
});

describe("themeFigures (CSAT and CES)", () => {
  it("CSAT: top-2-box of mentioners against the rest, pooled SE as compareCsat", () => {
    // Population 300: 180 satisfied (60 %). Mentioners 60: 18 satisfied (30 %). Rest 240: 162 (67.5 %).
    // p̄ = 180/300 = 0.6, SE = 100 · √(0.6 · 0.4 · (1/60 + 1/240)) = 7.0711; Δ = −37.5, z = −5.3033.
    const f = themeFigures("csat", 100, dist({ 5: 100, 4: 80, 3: 40, 2: 40, 1: 40 }), {
      theme: "staff",
      mentions: 60,
      sentimentSum: -12,
      scores: dist({ 5: 6, 4: 12, 3: 12, 2: 15, 1: 15 }),
    });
    expect(f.difference.delta).toBeCloseTo(-37.5, 10);
    expect(f.difference.se).toBeCloseTo(7.071068, 5);
    expect(f.difference.low).toBeCloseTo(-51.359293, 4);
    expect(f.difference.high).toBeCloseTo(-23.640707, 4);
    // 60 − 67.5 = −7.5 = (60/300) · −37.5.
    expect(f.contribution.value).toBeCloseTo(-7.5, 10);
    expect(f.sentiment).toEqual({ n: 60, mean: -0.2, low: null, high: null });
  });

  it("CES: Welch's t on the means, df and critical value as compareCes", () => {
    // Mentioners 40, mean 3.55; rest 160, mean 5.175; population 200, mean 4.85.
    // SE = 0.297115, Welch df = 52.843, t₀.₉₇₅(52.843) = 2.005885 (scipy: t = −5.46926, p = 1.26e−6).
    const f = themeFigures("ces", 40, dist({ 1: 10, 2: 10, 3: 20, 4: 30, 5: 50, 6: 50, 7: 30 }), {
      theme: "ease",
      mentions: 40,
      sentimentSum: 0,
      scores: dist({ 1: 6, 2: 6, 3: 8, 4: 8, 5: 6, 6: 4, 7: 2 }),
    });
    expect(f.difference.delta).toBeCloseTo(-1.625, 10);
    expect(f.difference.se).toBeCloseTo(0.297115, 5);
    expect(f.difference.low).toBeCloseTo(-2.220979, 4);
    expect(f.difference.high).toBeCloseTo(-1.029021, 4);
    expect(f.difference.significant).toBe(true);
    // 4.85 − 5.175 = −0.325 = 0.2 · −1.625.
    expect(f.contribution.value).toBeCloseTo(-0.325, 10);
  });
});

describe("too few, empty and invalid input", () => {
  it("below 30 mentioners the difference is computed but never significant", () => {
    const f = themeFigures("nps", 100, POPULATION, {
      theme: "rare",
      mentions: 29,
      sentimentSum: 0,
      scores: dist({ 0: 29 }),
    });
    expect(f.enough).toBe(false);
    expect(f.difference.reason).toBe("too_few_responses");
    expect(f.difference.significant).toBe(false);
    expect(f.difference.delta).not.toBeNull();
  });

  it("no comments: no share; no scores: no metric, no contribution", () => {
    expect(themeShare(0, 0)).toEqual({ share: null, low: null, high: null, enough: false });
    const f = themeFigures("nps", 10, POPULATION, { theme: "notes", mentions: 3, sentimentSum: 1.5, scores: [] });
    expect(f.mentioners.n).toBe(0);
    expect(f.contribution.value).toBeNull();
    expect(f.difference.delta).toBeNull();
    expect(f.share).toMatchObject({ share: 30, enough: false });
    expect(f.sentiment.mean).toBe(0.5);
  });

  it("everyone mentions the theme: no figure without them", () => {
    const f = themeFigures("nps", 400, POPULATION, {
      theme: "all",
      mentions: 400,
      sentimentSum: 0,
      scores: POPULATION,
    });
    expect(f.others.n).toBe(0);
    expect(f.contribution).toEqual({ value: null, low: null, high: null });
  });

  it("refuses mentioners outside the population and counts that do not add up", () => {
    const t = { theme: "x", mentions: 5, sentimentSum: 0 };
    expect(() => themeFigures("nps", 10, dist({ 10: 1 }), { ...t, scores: dist({ 0: 2 }) })).toThrow(RangeError);
    expect(() => themeFigures("nps", 10, POPULATION, { ...t, scores: dist({ 0: 6 }) })).toThrow(RangeError);
    expect(() => themeShare(11, 10)).toThrow(RangeError);
    expect(() => themeShare(-1, 10)).toThrow(RangeError);
    expect(() => themeShare(1.5, 10)).toThrow(RangeError);
  });
});

describe("themeCountsOf: per-comment input gives the GROUP BY's counts", () => {
  it("agrees with the aggregated input", () => {
    const comments: AnalysedComment[] = [
      { score: 0, sentiment: -0.5, themes: ["billing", "staff", "billing"] },
      { score: 10, sentiment: 0.8, themes: ["staff"] },
      { score: null, sentiment: -0.2, themes: ["billing"] },
      { score: 7, sentiment: 0, themes: [] },
    ];
    const counts = themeCountsOf(comments);
    expect(counts.comments).toBe(4);
    // billing: comments 1 and 3 (listed twice in comment 1, counted once); staff: comments 1 and 2.
    expect(counts.themes).toEqual([
      {
        theme: "billing",
        mentions: 2,
        sentimentSum: expect.closeTo(-0.7, 12),
        sentimentSumSquares: expect.closeTo(0.29, 12),
        scores: [{ score: 0, count: 1 }],
      },
      {
        theme: "staff",
        mentions: 2,
        sentimentSum: expect.closeTo(0.3, 12),
        sentimentSumSquares: expect.closeTo(0.89, 12),
        scores: [
          { score: 0, count: 1 },
          { score: 10, count: 1 },
        ],
      },
    ]);
    const stats = themeStats({ metric: "nps", population: dist({ 0: 1, 10: 1, 7: 1 }), ...counts });
    expect(stats.map((s) => [s.theme, s.share.share, s.mentioners.n, s.others.n])).toEqual([
      ["billing", 50, 1, 2],
      ["staff", 50, 2, 1],
    ]);
  });
});

describe("themeTrend", () => {
  it("one point per bucket with share, interval, sentiment and the mentioners' metric", () => {
    const points = themeTrend("nps", [
      { key: "2026-11-02", comments: 250, mentions: 80, sentimentSum: -25, scores: BILLING },
      { key: "2026-11-09", comments: 0, mentions: 0, sentimentSum: 0, scores: [] },
      { key: "2026-11-16", comments: 20, mentions: 5, sentimentSum: 1 },
    ]);
    expect(points[0]).toMatchObject({ key: "2026-11-02", mentions: 80, sentiment: -0.3125 });
    expect(points[0]!.share.low).toBeCloseTo(26.5274, 3);
    expect(points[0]!.metric).toMatchObject({ n: 80, nps: -30 });
    expect(points[1]).toMatchObject({ share: { share: null, enough: false }, sentiment: null, metric: { n: 0 } });
    expect(points[2]).toMatchObject({ share: { share: 25, enough: false }, sentiment: 0.2, metric: null });
  });
});

describe("themeChanges: the digest's biggest significant theme changes", () => {
  // 400 comments last week, 500 this week: [theme, mentions last week, mentions this week].
  const rows: [string, number, number][] = [
    ["billing", 40, 90],
    ["waiting-time", 60, 60],
    ["staff", 20, 42],
    ["app-website", 10, 5],
    ["ease", 30, 52],
    ["price", 3, 2],
  ];
  const previous = { comments: 400, themes: rows.map(([theme, mentions]) => ({ theme, mentions })) };
  const current = { comments: 500, themes: rows.map(([theme, , mentions]) => ({ theme, mentions })) };
  const result = themeChanges(previous, current);
  const byTheme = new Map(result.all.map((c) => [c.theme, c]));

  it("pooled z-test per theme", () => {
    // billing 10 % → 18 %: p̄ = 130/900, SE = 100 · √(p̄(1 − p̄)(1/400 + 1/500)) = 2.358201, z = 8/2.358201 = 3.392417.
    const billing = byTheme.get("billing")!;
    expect(billing.delta).toBeCloseTo(8, 10);
    expect(billing.se).toBeCloseTo(2.358201, 5);
    expect(billing.statistic).toBeCloseTo(3.392417, 5);
    expect(billing.pValue).toBeCloseTo(0.00069279, 7);
    // staff 5 % → 8.4 %: z = 3.4/1.698954 = 2.001231, p = 0.045367 — significant alone.
    expect(byTheme.get("staff")!.pValue).toBeCloseTo(0.0453675, 6);
  });

  it("Benjamini–Hochberg across the tested themes: only billing is a discovery", () => {
    // m = 5 tested (price is sparse). Sorted p: 0.000693, 0.0454, 0.0807, 0.1330, 0.1883;
    // adjusted: 5 · 0.000693 = 0.003464; staff min(5/2 · 0.0454, 5/3 · 0.0807, …) = 0.113419.
    expect(result.tested).toBe(5);
    expect(byTheme.get("billing")!.adjustedP).toBeCloseTo(0.003464, 6);
    expect(byTheme.get("staff")!.adjustedP).toBeCloseTo(0.113419, 6);
    expect(byTheme.get("app-website")!.adjustedP).toBeCloseTo(0.134492, 6);
    expect(byTheme.get("ease")!.adjustedP).toBeCloseTo(0.166281, 6);
    expect(byTheme.get("waiting-time")!.adjustedP).toBeCloseTo(0.188313, 6);
    expect(result.significant).toBe(1);
    expect(result.changes.map((c) => c.theme)).toEqual(["billing"]);
    expect(byTheme.get("staff")!.significant).toBe(false);
  });

  it("sparse: an expected count below 5 is not tested", () => {
    // price: p̄ = 5/900, expected = 400 · 0.005556 = 2.22 < 5.
    expect(byTheme.get("price")).toMatchObject({ reason: "sparse", pValue: null, significant: false });
  });

  it("orders every theme by the size of the change", () => {
    expect(result.all.map((c) => c.theme)).toEqual([
      "billing",
      "staff",
      "waiting-time",
      "ease",
      "app-website",
      "price",
    ]);
  });

  it("below 30 comments in a period nothing is tested; a theme new this week has 0 before", () => {
    const r = themeChanges({ comments: 25, themes: [] }, { comments: 500, themes: [{ theme: "new", mentions: 100 }] });
    expect(r.all[0]).toMatchObject({ theme: "new", reason: "too_few", pValue: null, previous: { mentions: 0 } });
    expect(r.tested).toBe(0);
    expect(r.changes).toEqual([]);
    const empty = themeChanges({ comments: 0, themes: [] }, { comments: 0, themes: [{ theme: "a", mentions: 0 }] });
    expect(empty.all[0]).toMatchObject({ delta: null, reason: "too_few" });
  });

  it("the limit cuts the list, not the count", () => {
    const big = { comments: 1000, themes: [] as { theme: string; mentions: number }[] };
    const now = {
      comments: 1000,
      themes: ["a", "b", "c"].map((theme, i) => ({ theme, mentions: 200 + 50 * i })),
    };
    const r = themeChanges(big, now, 2);
    expect(r.significant).toBe(3);
    expect(r.changes.map((c) => c.theme)).toEqual(["c", "b"]);
  });
});

describe("from the database's rows", () => {
  it("themeCountsFromRows: bigints and null sums as raw SQL answers them, scores grouped per theme", () => {
    const counts = themeCountsFromRows(
      [
        { theme: "billing", mentions: 80n, sentimentSum: SENTIMENT.sum, sentimentSumSquares: SENTIMENT.sumSq },
        { theme: "staff", mentions: 3n, sentimentSum: null, sentimentSumSquares: null },
        { theme: null, mentions: 5n, sentimentSum: 0 },
      ],
      [
        ...BILLING.map((d) => ({ theme: "billing", score: BigInt(d.score), count: BigInt(d.count) })),
        { theme: null, score: 3n, count: 1n },
      ],
    );
    expect(counts.map((c) => [c.theme, c.mentions, c.sentimentSum, c.scores.length])).toEqual([
      ["billing", 80, SENTIMENT.sum, 8],
      ["staff", 3, 0, 0],
    ]);
    // The same figures as from the aggregated input above.
    const f = themeFigures("nps", 250, POPULATION, counts[0]!);
    expect(f.difference.delta).toBeCloseTo(-68.75, 10);
    expect(f.sentiment.low).toBeCloseTo(-0.401683, 5);
    expect(() =>
      themeCountsFromRows([{ theme: "a", mentions: 1, sentimentSum: 0 }], [{ theme: "b", score: 1, count: 1 }]),
    ).toThrow(/without mentions/);
  });

  it("themeTrendsFromRows: every bucket of the period, empty ones included; a bucket outside it is an error", () => {
    // Weeks of 2 to 22 November 2026: buckets 2, 9 and 16 November.
    const period = {
      from: new Date("2026-11-02T00:00:00Z"),
      to: new Date("2026-11-23T00:00:00Z"),
      bucket: "week" as const,
    };
    const trends = themeTrendsFromRows(
      "nps",
      period,
      [
        { key: "2026-11-02", comments: 250n },
        { key: "2026-11-16", comments: 40n },
      ],
      [
        { key: "2026-11-02", theme: "billing", mentions: 80n, sentimentSum: -25 },
        { key: "2026-11-16", theme: "billing", mentions: 10n, sentimentSum: 2 },
        { key: "2026-11-16", theme: "staff", mentions: 4n, sentimentSum: 1 },
      ],
      [
        ...BILLING.map((d) => ({ key: "2026-11-02", theme: "billing", score: d.score, count: d.count })),
        { key: "2026-11-16", theme: "staff", score: 10, count: 4 },
      ],
    );
    expect([...trends.keys()]).toEqual(["billing", "staff"]);
    const billing = trends.get("billing")!;
    expect(billing.map((p) => [p.key, p.comments, p.mentions, p.share.share, p.sentiment, p.metric?.n])).toEqual([
      ["2026-11-02", 250, 80, 32, -0.3125, 80],
      ["2026-11-09", 0, 0, null, null, 0],
      ["2026-11-16", 40, 10, 25, 0.2, 0],
    ]);
    expect(billing[0]!.metric).toMatchObject({ nps: -30 });
    expect(trends.get("staff")!.map((p) => p.mentions)).toEqual([0, 0, 4]);
    expect(() => themeTrendsFromRows("nps", period, [{ key: "2026-11-23", comments: 1 }], [])).toThrow(
      /outside the period/,
    );
  });
});
