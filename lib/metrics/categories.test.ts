import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { assertScore, cesCategory, csatCategory, METRIC_SCALES, npsCategory, type Metric } from "./categories";
import { BAD_SCORES } from "./test-helpers";

describe("METRIC_SCALES", () => {
  it("pins the scales of docs/metrics.md", () => {
    expect(METRIC_SCALES).toEqual({
      nps: { min: 0, max: 10 },
      csat: { min: 1, max: 5 },
      ces: { min: 1, max: 7 },
    });
  });
});

describe("npsCategory", () => {
  it("maps 0–6 to detractor, 7–8 to passive, 9–10 to promoter", () => {
    const got = Array.from({ length: 11 }, (_, s) => npsCategory(s));
    expect(got).toEqual([...Array<string>(7).fill("detractor"), "passive", "passive", "promoter", "promoter"]);
  });
  it.each([...BAD_SCORES, 10.5, -1])("throws RangeError for %s", (s) => {
    expect(() => npsCategory(s)).toThrow(RangeError);
  });
});

describe("csatCategory", () => {
  it("maps 1–2 dissatisfied, 3 neutral, 4–5 satisfied", () => {
    expect([1, 2, 3, 4, 5].map(csatCategory)).toEqual([
      "dissatisfied",
      "dissatisfied",
      "neutral",
      "satisfied",
      "satisfied",
    ]);
  });
  it.each([...BAD_SCORES, 0, 6, 4.5])("throws RangeError for %s", (s) => {
    expect(() => csatCategory(s)).toThrow(RangeError);
  });
});

describe("cesCategory", () => {
  it("maps 1–3 disagree, 4 neutral, 5–7 agree", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(cesCategory)).toEqual([
      "disagree",
      "disagree",
      "disagree",
      "neutral",
      "agree",
      "agree",
      "agree",
    ]);
  });
  it.each([...BAD_SCORES, 0, 8, 6.5])("throws RangeError for %s", (s) => {
    expect(() => cesCategory(s)).toThrow(RangeError);
  });
});

describe("assertScore", () => {
  it("rejects non-numbers with a RangeError", () => {
    expect(() => assertScore("nps", "7" as unknown as number)).toThrow(RangeError);
    expect(() => assertScore("csat", null as unknown as number)).toThrow(RangeError);
  });
  it("names the metric and the scale in the message", () => {
    expect(() => assertScore("ces", 9)).toThrow("CES score must be an integer from 1 to 7, got 9");
  });

  const metrics: Metric[] = ["nps", "csat", "ces"];
  it("accepts exactly the integers of each scale (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...metrics), fc.double({ min: -20, max: 20 }), (metric, x) => {
        const { min, max } = METRIC_SCALES[metric];
        const valid = Number.isInteger(x) && x >= min && x <= max;
        if (valid) expect(() => assertScore(metric, x)).not.toThrow();
        else expect(() => assertScore(metric, x)).toThrow(RangeError);
      }),
    );
  });
  it("every in-range integer gets a category (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (s) => {
        expect(["promoter", "passive", "detractor"]).toContain(npsCategory(s));
        if (s >= 1 && s <= 5) expect(["satisfied", "neutral", "dissatisfied"]).toContain(csatCategory(s));
        if (s >= 1 && s <= 7) expect(["agree", "neutral", "disagree"]).toContain(cesCategory(s));
      }),
    );
  });
});
