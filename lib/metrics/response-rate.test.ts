import { describe, expect, it } from "vitest";
import { formatResponseRate } from "./format";
import { nonResponseView, responseRate, type CategoryCounts } from "./response-rate";

describe('responseRate (docs/metrics.md, "Response rate of invitations")', () => {
  it("worked example: 92 answered of 400 delivered = 23 %, Wilson [19.1, 27.4] %", () => {
    const r = responseRate(92, 400);
    expect(r.rate).toBe(23);
    // centre (0.23 + 1.96²/800) / (1 + 1.96²/400) = 0.23257, half-width 0.04113 (reference: the formula in Python)
    expect(r.low).toBeCloseTo(19.14431725936634, 10);
    expect(r.high).toBeCloseTo(27.36936533301642, 10);
    expect(r.enough).toBe(true);
  });

  it("keeps the interval on 0..100 with exact bounds at 0 and at all, flags fewer than 30 delivered, and has no rate without a base", () => {
    expect(responseRate(0, 12)).toMatchObject({ rate: 0, low: 0, enough: false });
    expect(responseRate(0, 12).high).toBeCloseTo(24.25007574992425, 10);
    expect(responseRate(12, 12)).toMatchObject({ rate: 100, high: 100, enough: false });
    expect(responseRate(10, 29).enough).toBe(false);
    expect(responseRate(10, 30).enough).toBe(true);
    expect(responseRate(0, 0)).toEqual({ answered: 0, delivered: 0, rate: null, low: null, high: null, enough: false });
  });

  it("is displayed with its interval from 30 delivered, without it below, and not at all without a base", () => {
    expect(formatResponseRate(responseRate(92, 400))).toBe("23.0\u00a0% [19.1\u201327.4]");
    expect(formatResponseRate(responseRate(3, 12))).toBe("25.0\u00a0%");
    // German separators where a page passes its Intl tag (lib/i18n/format.ts); English stays as it was.
    expect(formatResponseRate(responseRate(92, 400), "de-DE")).toBe("23,0\u00a0% [19,1\u201327,4]");
    expect(formatResponseRate(responseRate(0, 0))).toBeNull();
  });

  it("refuses counts that cannot be", () => {
    expect(() => responseRate(5, 4)).toThrow(RangeError);
    expect(() => responseRate(-1, 4)).toThrow(RangeError);
    expect(() => responseRate(1.5, 4)).toThrow(RangeError);
  });
});

describe("nonResponseView: respondents against non-respondents, Benjamini–Hochberg across the categories", () => {
  // 100 respondents, 300 non-respondents (a 25 % response rate).
  const totals = { respondents: 100, nonRespondents: 300 };
  const categories: CategoryCounts[] = [
    { attribute: "segment", category: "vip", respondents: 40, nonRespondents: 60 },
    { attribute: "tenure", category: "under 3 months", respondents: 20, nonRespondents: 45 },
    { attribute: "tenure", category: "1 to 3 years", respondents: 36, nonRespondents: 76 },
    { attribute: "lastOutcome", category: "escalated", respondents: 10, nonRespondents: 60 },
    { attribute: "lastOutcome", category: "no_action", respondents: 2, nonRespondents: 3 },
  ];
  const view = nonResponseView(totals, categories);
  const row = (category: string) => view.rows.find((r) => r.category === category)!;

  it("worked example: vip 40 % vs 20 %, pooled p̄ = 0.25, SE = 5 points, z = 4, p = 0.0000633 → flagged", () => {
    expect(row("vip")).toMatchObject({ respondentShare: 40, nonRespondentShare: 20, difference: 20, z: 4 });
    expect(row("vip").pValue).toBeCloseTo(6.334248366623993e-5, 12);
    expect(row("vip").adjustedP).toBeCloseTo(4 * 6.334248366623993e-5, 12);
    expect(row("vip").flagged).toBe(true);
  });

  it("escalated 10 % vs 20 %: z = −2.279, p = 0.0227, BH-adjusted 0.0453 ≤ 0.05 → flagged (fewer of those escalated answer)", () => {
    const r = row("escalated");
    expect(r.difference).toBeCloseTo(-10, 12);
    expect(r.z).toBeCloseTo(-2.279211529192759, 10);
    expect(r.pValue).toBeCloseTo(0.022654494080089363, 10);
    expect(r.adjustedP).toBeCloseTo((4 / 2) * 0.022654494080089363, 10);
    expect(r.flagged).toBe(true);
  });

  it("1 to 3 years 36 % vs 25.3 %: p = 0.0396 is below 0.05 alone but not flagged: p₍₃₎ > 3/4 · 0.05 = 0.0375", () => {
    const r = row("1 to 3 years");
    expect(r.z).toBeCloseTo(2.057377999494558, 10);
    expect(r.pValue).toBeCloseTo(0.03964987972015283, 10);
    expect(r.adjustedP).toBeCloseTo((4 / 3) * 0.03964987972015283, 10);
    expect(r.flagged).toBe(false);
    expect(row("under 3 months")).toMatchObject({ flagged: false, reason: null });
    expect(row("under 3 months").pValue).toBeCloseTo(0.24048874414860572, 10);
  });

  it("a category with an expected count below 5 is shown but not tested, and not counted in m", () => {
    // no_action: p̄ = 5/400, expected respondents 100 · 0.0125 = 1.25 < 5
    expect(row("no_action")).toMatchObject({
      respondentShare: 2,
      nonRespondentShare: 1,
      difference: 1,
      reason: "sparse",
    });
    expect(row("no_action").pValue).toBeNull();
    expect(view).toMatchObject({ enough: true, tested: 4, flagged: 2 });
  });

  it("below 30 respondents or non-respondents nothing is tested, the shares are still given", () => {
    const few = nonResponseView({ respondents: 29, nonRespondents: 300 }, [
      { attribute: "segment", category: "vip", respondents: 20, nonRespondents: 60 },
    ]);
    expect(few).toMatchObject({ enough: false, tested: 0, flagged: 0 });
    expect(few.rows[0]).toMatchObject({ reason: "too_few", pValue: null, flagged: false });
    expect(few.rows[0].respondentShare).toBeCloseTo((100 * 20) / 29, 12);
    const none = nonResponseView({ respondents: 0, nonRespondents: 40 }, [
      { attribute: "segment", category: "vip", respondents: 0, nonRespondents: 10 },
    ]);
    expect(none.rows[0]).toMatchObject({ respondentShare: null, nonRespondentShare: 25, difference: null });
  });

  it("equal shares give p = 1; a category wholly of one group is tested like any other", () => {
    const v = nonResponseView({ respondents: 50, nonRespondents: 50 }, [
      { attribute: "segment", category: "same", respondents: 25, nonRespondents: 25 },
      { attribute: "segment", category: "only-respondents", respondents: 20, nonRespondents: 0 },
    ]);
    expect(v.rows[0]).toMatchObject({ difference: 0, z: 0, pValue: 1, flagged: false });
    expect(v.rows[1].flagged).toBe(true);
  });

  it("refuses a category that counts more customers than its group", () => {
    expect(() =>
      nonResponseView(totals, [{ attribute: "segment", category: "x", respondents: 101, nonRespondents: 0 }]),
    ).toThrow(RangeError);
  });
});
