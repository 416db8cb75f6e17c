import { describe, expect, it } from "vitest";
import en from "../../messages/en/reports.json";
import {
  DIMENSION_NAMES,
  disagreements,
  impliedLevel,
  LEVEL_NAMES,
  levelFor,
  MATURITY_DIMENSIONS,
  MATURITY_LEVELS,
  MATURITY_QUESTIONS,
  maturityScore,
  type EvidenceFigure,
} from "./model";

const all = (v: number) => Object.fromEntries(MATURITY_QUESTIONS.map((q) => [q.key, v]));

describe("CEM maturity scoring", () => {
  it("has ten questions across all six dimensions, four options each, unique keys", () => {
    expect(MATURITY_QUESTIONS).toHaveLength(10);
    expect(new Set(MATURITY_QUESTIONS.map((q) => q.dimension)).size).toBe(6);
    expect(new Set(MATURITY_QUESTIONS.map((q) => q.key)).size).toBe(10);
    for (const q of MATURITY_QUESTIONS) expect(q.options).toHaveLength(4);
  });

  it("score = mean of the answers; the level boundaries are 1.75, 2.5 and 3.25 (each the lower bound of the next level)", () => {
    expect(maturityScore(all(1))).toBe(1);
    expect(maturityScore({ ...all(2), strategy_vision: 4 })).toBeCloseTo(2.2, 12);
    expect([1, 1.74, 1.75, 2.49, 2.5, 3.24, 3.25, 4].map(levelFor)).toEqual([
      "ad_hoc",
      "ad_hoc",
      "processed",
      "processed",
      "integrated",
      "integrated",
      "optimized",
      "optimized",
    ]);
    // with ten answers the sum moves in steps of 0.1: 1.7 is the last Ad Hoc score, 1.8 the first Processed
    expect(
      levelFor(maturityScore({ ...all(1), strategy_vision: 4, strategy_promise: 4, understanding_voice: 2 })),
    ).toBe("ad_hoc"); // 1.7
    expect(
      levelFor(maturityScore({ ...all(1), strategy_vision: 4, strategy_promise: 4, understanding_voice: 3 })),
    ).toBe("processed"); // 1.8
    expect(
      levelFor(maturityScore({ ...all(2), strategy_vision: 4, strategy_promise: 3, understanding_voice: 3 })),
    ).toBe("processed"); // 2.4
    expect(
      levelFor(maturityScore({ ...all(2), strategy_vision: 4, strategy_promise: 4, understanding_voice: 3 })),
    ).toBe("integrated"); // 2.5
    expect(
      levelFor(maturityScore({ ...all(3), strategy_vision: 4, strategy_promise: 4, understanding_voice: 4 })),
    ).toBe("optimized"); // 3.3
  });

  it("refuses a missing or out-of-range answer", () => {
    const { strategy_vision: _, ...missing } = all(2);
    expect(() => maturityScore(missing)).toThrow(/strategy_vision/);
    expect(() => maturityScore({ ...all(2), culture_people: 5 })).toThrow(/culture_people/);
    expect(() => maturityScore({ ...all(2), culture_people: 2.5 })).toThrow(/culture_people/);
  });

  it("evidence implies a level by quartile of the share, and disagreement is 2 or more levels apart", () => {
    expect([0, 0.2499, 0.25, 0.4999, 0.5, 0.7499, 0.75, 1].map(impliedLevel)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    const evidence: EvidenceFigure[] = [
      { key: "measured", label: "", share: 0.1, numerator: 1, denominator: 10 },
      { key: "promised", label: "", share: 0.6, numerator: 6, denominator: 10 },
      { key: "closedIn48h", label: "", share: null, numerator: 0, denominator: 0 },
    ];
    const d = disagreements({ ...all(4), strategy_promise: 2 }, evidence);
    expect(d).toEqual([{ question: "measurement_live", answer: 4, implied: 1, evidence: "measured" }]);
  });
});

describe("the questionnaire's words in the catalogue (messages/*/reports.json, maturity)", () => {
  it("has every question, in the English of the model, and every level and dimension", () => {
    const m = en.maturity;
    for (const q of MATURITY_QUESTIONS) {
      const words = m.questions[q.key as keyof typeof m.questions];
      expect(words, q.key).toBeDefined();
      expect([words.text, words.o1, words.o2, words.o3, words.o4]).toEqual([q.text, ...q.options]);
    }
    expect(Object.keys(m.questions)).toHaveLength(MATURITY_QUESTIONS.length);
    for (const level of MATURITY_LEVELS) expect(m.levels[level]).toBe(LEVEL_NAMES[level]);
    for (const d of MATURITY_DIMENSIONS) expect(m.dimensions[d]).toBe(DIMENSION_NAMES[d]);
  });
});
