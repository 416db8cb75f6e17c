// The accuracy floors of text analytics (docs/text-analytics.md, "Accuracy"): the figures measured on the
// evaluation set (tests/text/evaluation.jsonl) when lib/text was written, rounded down. A change to the word
// lists, rules or starter taxonomy that loses accuracy fails here; one that gains should raise the floors
// (print the figures with `npx tsx bench/text-analytics.ts`).
import { describe, expect, it } from "vitest";
import { analyse, STARTER_TAXONOMY, starterTaxonomy, type SentimentLabel } from "./analyse";
import { LABELS, loadEvaluationSet, sentimentFigures, themeFigures, themeTotals } from "./evaluation";

const items = loadEvaluationSet();

type Floors = { accuracy: number; macroF1: number; themePrecision: number; themeRecall: number };
const FLOORS: Record<"en" | "de", Record<"all" | "dev" | "test", Floors>> = {
  en: {
    all: { accuracy: 0.838, macroF1: 0.817, themePrecision: 0.746, themeRecall: 0.822 },
    dev: { accuracy: 0.914, macroF1: 0.89, themePrecision: 0.779, themeRecall: 0.854 },
    test: { accuracy: 0.761, macroF1: 0.749, themePrecision: 0.715, themeRecall: 0.792 },
  },
  de: {
    all: { accuracy: 0.845, macroF1: 0.825, themePrecision: 0.814, themeRecall: 0.826 },
    dev: { accuracy: 0.878, macroF1: 0.866, themePrecision: 0.846, themeRecall: 0.872 },
    test: { accuracy: 0.811, macroF1: 0.781, themePrecision: 0.779, themeRecall: 0.779 },
  },
};

/** [precision, recall] per theme over all of a language's comments. */
const THEME_FLOORS: Record<"en" | "de", Record<string, [number, number]>> = {
  en: {
    billing: [0.641, 1],
    "waiting-time": [1, 0.695],
    staff: [0.926, 0.863],
    ease: [0.809, 0.68],
    reliability: [0.75, 0.84],
    price: [0.826, 0.73],
    "app-website": [0.75, 0.913],
    "delivery-installation": [0.677, 1],
    contract: [0.545, 0.857],
    communication: [0.612, 0.678],
  },
  de: {
    billing: [0.71, 1],
    "waiting-time": [1, 0.818],
    staff: [0.93, 0.869],
    ease: [0.888, 0.64],
    reliability: [0.74, 0.769],
    price: [0.791, 0.703],
    "app-website": [0.807, 1],
    "delivery-installation": [0.92, 1],
    contract: [0.764, 0.928],
    communication: [0.642, 0.62],
  },
};

describe("the evaluation set (tests/text/README.md)", () => {
  it("has at least 400 comments, half English and half German, each half split into dev and test", () => {
    expect(items.length).toBeGreaterThanOrEqual(400);
    const en = items.filter((i) => i.language === "en").length;
    const de = items.filter((i) => i.language === "de").length;
    expect(en + de).toBe(items.length);
    expect(Math.abs(en - de)).toBeLessThanOrEqual(items.length * 0.05);
    for (const language of ["en", "de"]) {
      for (const split of ["dev", "test"]) {
        expect(items.filter((i) => i.language === language && i.split === split).length).toBeGreaterThanOrEqual(100);
      }
    }
  });

  it("labels every comment with a sentiment and only themes of the starter taxonomy, under unique ids", () => {
    const themes = new Set(STARTER_TAXONOMY.map((t) => t.id));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      expect(LABELS).toContain(i.sentiment);
      expect(i.text.trim()).not.toBe("");
      for (const t of i.themes) expect(themes).toContain(t);
    }
    for (const label of LABELS) expect(items.filter((i) => i.sentiment === label).length).toBeGreaterThan(50);
  });
});

describe.each(["en", "de"] as const)("accuracy floors, %s", (language) => {
  const inLanguage = items.filter((i) => i.language === language);
  const results = new Map(inLanguage.map((i) => [i.id, analyse(i.text, language)]));

  it.each(["all", "dev", "test"] as const)(
    "sentiment and themes on %s do not fall below the measured figures",
    (split) => {
      const set = inLanguage.filter((i) => split === "all" || i.split === split);
      const predicted = set.map((i) => results.get(i.id)!.label as SentimentLabel);
      const s = sentimentFigures(
        set.map((i) => i.sentiment),
        predicted,
      );
      const t = themeTotals(
        set.map((i) => i.themes),
        set.map((i) => results.get(i.id)!.themes.map((m) => m.theme)),
      );
      const floor = FLOORS[language][split];
      expect(s.accuracy).toBeGreaterThanOrEqual(floor.accuracy);
      expect(s.macroF1).toBeGreaterThanOrEqual(floor.macroF1);
      expect(t.precision).toBeGreaterThanOrEqual(floor.themePrecision);
      expect(t.recall).toBeGreaterThanOrEqual(floor.themeRecall);
    },
  );

  it("each theme keeps its precision and recall", () => {
    const figures = themeFigures(
      starterTaxonomy().themes,
      inLanguage.map((i) => i.themes),
      inLanguage.map((i) => results.get(i.id)!.themes.map((m) => m.theme)),
    );
    for (const f of figures) {
      const [precision, recall] = THEME_FLOORS[language][f.theme];
      expect({ theme: f.theme, ok: f.precision >= precision && f.recall >= recall }).toEqual({
        theme: f.theme,
        ok: true,
      });
    }
  });
});
