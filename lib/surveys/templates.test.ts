import { describe, expect, it } from "vitest";
import { METRIC_SCALES } from "../metrics/categories";
import { questionDraftSchema } from "./builder-schema";
import { questionIssues } from "./builder-rules";
import { TEMPLATE_IDS, TEMPLATES, templateQuestions, textsFor } from "./templates";
import { visibleKeys } from "./logic";

const rc = (surveyType: string, languages: string[]) => ({
  surveyType,
  languages,
  existing: [],
  archivedKeys: new Set<string>(),
});

describe("survey templates", () => {
  it.each(TEMPLATE_IDS)("%s passes the builder's own rules in English and German", (id) => {
    const questions = templateQuestions(id, ["en", "de"], "en");
    for (const q of questions) expect(questionDraftSchema.parse(q)).toEqual(q);
    expect(questionIssues(questions, rc(id, ["en", "de"]))).toEqual([]);
    for (const q of TEMPLATES[id].questions) expect(Object.keys(q.text).sort()).toEqual(["de", "en"]);
  });

  it("NPS: a 0–10 headline, the reason, and 'What went wrong?' only for detractors", () => {
    const [nps, reason, wrong] = TEMPLATES.nps.questions;
    expect(nps).toMatchObject({ key: "nps", type: "score", headline: true, required: true, scaleMin: 0, scaleMax: 10 });
    expect(reason.text.en).toBe("What is the main reason for your score?");
    expect(wrong.text.en).toBe("What went wrong?");
    const shownFor = (score: number) => visibleKeys(TEMPLATES.nps.questions, { nps: score }).has("what_went_wrong");
    expect([0, 3, 6].map(shownFor)).toEqual([true, true, true]);
    expect([7, 8, 9, 10].map(shownFor)).toEqual([false, false, false, false]);
    expect(visibleKeys(TEMPLATES.nps.questions, {}).has("what_went_wrong")).toBe(false);
  });

  it("CSAT and CES headlines use the metric scales; CES has the CES 2.0 wording", () => {
    for (const id of ["csat", "ces"] as const) {
      const h = TEMPLATES[id].questions.find((q) => q.headline)!;
      expect([h.scaleMin, h.scaleMax]).toEqual([METRIC_SCALES[id].min, METRIC_SCALES[id].max]);
    }
    expect(TEMPLATES.ces.questions[0].text.en).toBe("The company made it easy for me to handle my issue.");
  });

  it("SERVQUAL pairs an expectation and a perception item (1–7) for each of the five dimensions", () => {
    const qs = TEMPLATES.servqual.questions;
    expect(qs).toHaveLength(10);
    const pairs = qs.map((q) => `${q.servqualDimension}:${q.servqualRole}`).sort();
    for (const d of ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]) {
      expect(pairs).toContain(`${d}:expectation`);
      expect(pairs).toContain(`${d}:perception`);
    }
    expect(qs.every((q) => q.type === "score" && q.scaleMin === 1 && q.scaleMax === 7 && !q.headline)).toBe(true);
    expect(TEMPLATES.custom.questions).toEqual([]);
  });

  it("a language the template lacks gets the default language's text to translate", () => {
    expect(textsFor({ en: "Hello", de: "Hallo" }, ["de-CH", "fr"], "en")).toEqual({ "de-CH": "Hallo", fr: "Hello" });
    const fr = templateQuestions("csat", ["fr", "en"], "fr");
    expect(fr[0].text).toEqual({
      fr: "How satisfied were you with your experience?",
      en: "How satisfied were you with your experience?",
    });
  });
});
