import { describe, it, expect } from "vitest";
import { cesFromCounts } from "./ces";
import { csatFromCounts } from "./csat";
import { formatMetric, formatNumber, nEquals } from "./format";
import { npsFromCounts } from "./nps";

const worked = npsFromCounts([
  { score: 10, count: 100 },
  { score: 8, count: 60 },
  { score: 2, count: 40 },
]);

describe("formatMetric", () => {
  it('NPS worked example → "NPS 30 ± 10.8 (n = 200)"', () => {
    expect(formatMetric(worked)).toEqual({
      metric: "nps",
      n: 200,
      figure: "NPS 30 ± 10.8",
      text: "NPS 30 ± 10.8 (n\u00a0=\u00a0200)",
      enough: true,
      flag: null,
    });
  });
  it('n < 30 → "too few responses (n = 12)", figure still returned and flagged', () => {
    const r = formatMetric(
      npsFromCounts([
        { score: 9, count: 6 },
        { score: 4, count: 6 },
      ]),
    );
    expect(r.text).toBe("too few responses (n\u00a0=\u00a012)");
    expect(r.figure).toBe("NPS 0 ± 56.6"); // 1.96·100·√(1/12)
    expect(r).toMatchObject({ enough: false, flag: "too_few_responses", n: 12 });
  });
  it('n = 0 → "no responses (n = 0)" with no figure', () => {
    expect(formatMetric(npsFromCounts([]))).toMatchObject({
      text: "no responses (n\u00a0=\u00a00)",
      figure: null,
      flag: "too_few_responses",
      enough: false,
    });
  });
  it("negative NPS uses the minus sign and rounds to a whole number", () => {
    const r = formatMetric(
      npsFromCounts([
        { score: 9, count: 10 },
        { score: 0, count: 20 },
        { score: 7, count: 1 },
      ]),
    );
    expect(r.figure).toMatch(/^NPS −32 ± \d+\.\d$/);
  });
  it("CSAT: percentage with Wilson interval, mean second", () => {
    const r = formatMetric(
      csatFromCounts([
        { score: 5, count: 50 },
        { score: 4, count: 30 },
        { score: 1, count: 20 },
      ]),
    );
    expect(r.text).toBe("CSAT 80.0% [71.1–86.7], mean 3.90 (n\u00a0=\u00a0100)");
  });
  it("CES: mean with t-interval on its scale and % agree", () => {
    const r = formatMetric(
      cesFromCounts([
        { score: 1, count: 2 },
        { score: 3, count: 3 },
        { score: 5, count: 5 },
        { score: 6, count: 6 },
        { score: 7, count: 4 },
      ]),
    );
    expect(r.figure).toBe("CES 5.00 [4.13–5.87] on 1–7, 75.0% agree");
    expect(r.text).toBe("too few responses (n\u00a0=\u00a020)");
  });
  it("CES with n = 1 has no interval but a figure", () => {
    expect(formatMetric(cesFromCounts([{ score: 6, count: 1 }])).figure).toBe("CES 6.00 on 1–7, 100.0% agree");
  });
});

describe("formatNumber", () => {
  it("fixed decimals, no negative zero, true minus sign", () => {
    expect(formatNumber(10.8245, 1)).toBe("10.8");
    expect(formatNumber(-0.4, 0)).toBe("0");
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(formatNumber(-12.5, 1)).toBe("−12.5");
    expect(formatNumber(0, 2)).toBe("0.00");
  });
});

describe("nEquals", () => {
  it("never lets a line break inside “n = 1,234”", () => {
    expect(nEquals("1,234")).toBe("n\u00a0=\u00a01,234");
    expect(nEquals(12)).not.toMatch(/ /);
  });
});
