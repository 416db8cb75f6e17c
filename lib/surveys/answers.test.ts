import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeHeadline, MAX_ANSWER_KEYS, TEXT_MAX_LENGTH, validateAnswers, type SurveyShape } from "./answers";

const options = (...keys: string[]) => keys.map((key) => ({ key, label: { en: key.toUpperCase() } }));

// An NPS survey with every question type and skip logic in both notations.
const survey: SurveyShape = {
  type: "nps",
  questions: [
    { key: "nps", type: "score", required: true, headline: true, scaleMin: 0, scaleMax: 10 },
    { key: "why_low", type: "text", required: true, logic: { showIf: { question: "nps", in: [0, 1, 2, 3, 4, 5, 6] } } },
    { key: "why_high", type: "text", logic: { showIf: { question: "nps", gte: 9 } } },
    { key: "topics", type: "multi_choice", options: options("price", "speed", "support") },
    { key: "support_ok", type: "yes_no", logic: { showIf: { question: "topics", in: ["support"] } } },
    { key: "plan", type: "single_choice", required: true, options: options("basic", "pro") },
    { key: "effort", type: "score", scaleMin: 1, scaleMax: 7 },
  ],
};

function names(result: ReturnType<typeof validateAnswers>) {
  return result.ok ? [] : result.issues.map((i) => i.name);
}
function codes(result: ReturnType<typeof validateAnswers>) {
  return result.ok ? {} : Object.fromEntries(result.issues.map((i) => [i.name, i.code]));
}

describe("validateAnswers: types", () => {
  it("accepts one valid answer of every type and normalizes them", () => {
    const r = validateAnswers(
      survey,
      { nps: 10, why_high: "  Great  ", topics: ["support", "price"], support_ok: true, plan: "pro", effort: 7 },
      { complete: true },
    );
    expect(r).toEqual({
      ok: true,
      answers: { nps: 10, why_high: "Great", topics: ["price", "support"], support_ok: true, plan: "pro", effort: 7 },
    });
  });

  it.each([
    [{ nps: 11 }, "nps", "out_of_range"],
    [{ nps: -1 }, "nps", "out_of_range"],
    [{ nps: 7.5 }, "nps", "wrong_type"],
    [{ nps: "9" }, "nps", "wrong_type"],
    [{ nps: Number.NaN }, "nps", "wrong_type"],
    [{ nps: true }, "nps", "wrong_type"],
    [{ effort: 0 }, "effort", "out_of_range"],
    [{ effort: 8 }, "effort", "out_of_range"],
    [{ plan: "gold" }, "plan", "unknown_option"],
    [{ plan: ["pro"] }, "plan", "wrong_type"],
    [{ topics: "price" }, "topics", "wrong_type"],
    [{ topics: ["price", 3] }, "topics", "wrong_type"],
    [{ topics: ["price", "price"] }, "topics", "duplicate_option"],
    [{ topics: ["price", "colour"] }, "topics", "unknown_option"],
    [{ nps: 9, why_high: 5 }, "why_high", "wrong_type"],
    [{ nps: 9, why_high: "x".repeat(TEXT_MAX_LENGTH + 1) }, "why_high", "too_long"],
    [{ topics: ["support"], support_ok: "yes" }, "support_ok", "wrong_type"],
    [{ topics: ["support"], support_ok: 1 }, "support_ok", "wrong_type"],
  ] as const)("%j → answers.%s %s", (answers, key, code) => {
    const r = validateAnswers(survey, answers, { complete: false });
    expect(codes(r)).toEqual({ [`answers.${key}`]: code });
  });

  it("accepts the scale ends and text of exactly the maximum length", () => {
    expect(validateAnswers(survey, { nps: 0, effort: 1 }, { complete: false }).ok).toBe(true);
    expect(validateAnswers(survey, { nps: 10, effort: 7 }, { complete: false }).ok).toBe(true);
    expect(validateAnswers(survey, { nps: 9, why_high: "x".repeat(TEXT_MAX_LENGTH) }, { complete: false }).ok).toBe(
      true,
    );
  });

  it("uses the metric's scale for the headline question whatever its stored scale", () => {
    const csat: SurveyShape = {
      type: "csat",
      questions: [{ key: "csat", type: "score", headline: true, scaleMin: 0, scaleMax: 10 }],
    };
    expect(codes(validateAnswers(csat, { csat: 0 }, { complete: false }))["answers.csat"]).toBe("out_of_range");
    expect(codes(validateAnswers(csat, { csat: 6 }, { complete: false }))["answers.csat"]).toBe("out_of_range");
    expect(validateAnswers(csat, { csat: 5 }, { complete: false }).ok).toBe(true);
  });

  it("refuses unknown keys, including prototype names, and questions of an unknown type", () => {
    const s: SurveyShape = { type: "custom", questions: [...survey.questions, { key: "video", type: "video_upload" }] };
    const r = validateAnswers(
      s,
      JSON.parse('{"nps": 9, "colour": "red", "__proto__": 1, "constructor": 2, "video": "x"}'),
      { complete: false },
    );
    expect(names(r).sort()).toEqual(["answers.__proto__", "answers.colour", "answers.constructor", "answers.video"]);
    expect(new Set(Object.values(codes(r)))).toEqual(new Set(["unknown_question"]));
  });

  it("refuses anything but an object of answers", () => {
    for (const bad of [null, undefined, 3, "x", [], [1], new Date()]) {
      expect(validateAnswers(survey, bad, { complete: false })).toMatchObject({
        ok: false,
        issues: [{ name: "answers", code: "invalid" }],
      });
    }
    const many = Object.fromEntries(Array.from({ length: MAX_ANSWER_KEYS + 1 }, (_, i) => [`k${i}`, 1]));
    expect(names(validateAnswers(survey, many, { complete: false }))).toEqual(["answers"]);
  });

  it("names every bad answer at once, in question order, unknown keys last", () => {
    const r = validateAnswers(survey, { zzz: 1, effort: 99, nps: 42, plan: 3 }, { complete: false });
    expect(names(r)).toEqual(["answers.nps", "answers.plan", "answers.effort", "answers.zzz"]);
    expect(r.ok ? null : r.issues.every((i) => i.reason.length > 0)).toBe(true);
  });
});

describe("validateAnswers: required and completion", () => {
  it("enforces required questions only on a complete response", () => {
    expect(validateAnswers(survey, { nps: 9 }, { complete: false }).ok).toBe(true);
    const r = validateAnswers(survey, { nps: 9 }, { complete: true });
    expect(codes(r)).toEqual({ "answers.plan": "required" });
  });

  it("does not also call a badly answered required question missing", () => {
    expect(codes(validateAnswers(survey, { nps: 9, plan: "gold" }, { complete: true }))).toEqual({
      "answers.plan": "unknown_option",
    });
  });

  it("treats null, blank text and an empty list as no answer", () => {
    expect(codes(validateAnswers(survey, { nps: 9, plan: null }, { complete: true }))).toEqual({
      "answers.plan": "required",
    });
    expect(validateAnswers(survey, { nps: 9, why_high: "   ", topics: [] }, { complete: false })).toEqual({
      ok: true,
      answers: { nps: 9 },
    });
  });

  it("refuses an empty response", () => {
    expect(codes(validateAnswers(survey, {}, { complete: false }))).toEqual({ answers: "empty" });
    expect(
      codes(
        validateAnswers({ type: "custom", questions: [{ key: "t", type: "text" }] }, { t: " " }, { complete: true }),
      ),
    ).toEqual({ answers: "empty" });
  });

  it("merges into earlier answers, clears with null, checks required on the merged set", () => {
    const previous = { nps: 3, why_low: "Slow", plan: "basic" };
    expect(validateAnswers(survey, { effort: 2 }, { complete: true, previous })).toEqual({
      ok: true,
      answers: { nps: 3, why_low: "Slow", plan: "basic", effort: 2 },
    });
    expect(codes(validateAnswers(survey, { why_low: null }, { complete: true, previous }))).toEqual({
      "answers.why_low": "required",
    });
    expect(validateAnswers(survey, { plan: "pro" }, { complete: false, previous })).toMatchObject({
      ok: true,
      answers: { plan: "pro" },
    });
  });
});

describe("validateAnswers: skip logic", () => {
  it("hides a question whose condition fails: not required, and an answer to it is refused", () => {
    expect(validateAnswers(survey, { nps: 9, plan: "pro" }, { complete: true }).ok).toBe(true); // why_low hidden, not required
    expect(codes(validateAnswers(survey, { nps: 3, plan: "pro" }, { complete: true }))).toEqual({
      "answers.why_low": "required",
    });
    expect(codes(validateAnswers(survey, { nps: 9, why_low: "x" }, { complete: false }))).toEqual({
      "answers.why_low": "hidden",
    });
    expect(codes(validateAnswers(survey, { nps: 8, why_high: "x" }, { complete: false }))).toEqual({
      "answers.why_high": "hidden",
    });
  });

  it("hides a question when the question it depends on is unanswered or answered badly", () => {
    expect(codes(validateAnswers(survey, { why_high: "x" }, { complete: false }))).toEqual({
      "answers.why_high": "hidden",
    });
    expect(codes(validateAnswers(survey, { nps: 99, why_high: "x" }, { complete: false }))).toEqual({
      "answers.nps": "out_of_range",
      "answers.why_high": "hidden",
    });
  });

  it("shows a follow-up of a multi-choice or yes/no answer when any listed value is chosen", () => {
    expect(validateAnswers(survey, { topics: ["price", "support"], support_ok: false }, { complete: false }).ok).toBe(
      true,
    );
    expect(codes(validateAnswers(survey, { topics: ["price"], support_ok: false }, { complete: false }))).toEqual({
      "answers.support_ok": "hidden",
    });
  });

  it("drops an earlier answer that new answers hide, and resolves chains", () => {
    const r = validateAnswers(survey, { nps: 10 }, { complete: false, previous: { nps: 2, why_low: "Awful" } });
    expect(r).toEqual({ ok: true, answers: { nps: 10 } });
    const chain: SurveyShape = {
      type: "custom",
      questions: [
        { key: "a", type: "yes_no" },
        { key: "b", type: "yes_no", logic: { showIf: { question: "a", in: [true] } } },
        { key: "c", type: "text", logic: { showIf: { question: "b", in: [true] } } },
      ],
    };
    expect(validateAnswers(chain, { a: false }, { complete: false, previous: { b: true, c: "kept?" } })).toEqual({
      ok: true,
      answers: { a: false },
    });
    expect(codes(validateAnswers(chain, { a: false, b: true, c: "x" }, { complete: false }))).toEqual({
      "answers.b": "hidden",
      "answers.c": "hidden",
    });
  });

  it("ignores malformed logic (the question is always shown) and refuses references to later questions", () => {
    const s: SurveyShape = {
      type: "custom",
      questions: [
        { key: "a", type: "text", logic: { showIf: { question: "b" } } }, // no operator: malformed → ignored
        { key: "early", type: "text", logic: { showIf: { question: "b", in: [true] } } }, // refers forward → hidden
        { key: "b", type: "yes_no" },
      ],
    };
    expect(validateAnswers(s, { a: "x", b: true }, { complete: false }).ok).toBe(true);
    expect(codes(validateAnswers(s, { b: true, early: "x" }, { complete: false }))).toEqual({
      "answers.early": "hidden",
    });
  });
});

describe("computeHeadline", () => {
  it.each([
    ["nps", 0, "detractor"],
    ["nps", 6, "detractor"],
    ["nps", 7, "passive"],
    ["nps", 8, "passive"],
    ["nps", 9, "promoter"],
    ["nps", 10, "promoter"],
    ["csat", 1, "dissatisfied"],
    ["csat", 2, "dissatisfied"],
    ["csat", 3, "neutral"],
    ["csat", 4, "satisfied"],
    ["csat", 5, "satisfied"],
    ["ces", 1, "disagree"],
    ["ces", 3, "disagree"],
    ["ces", 4, "neutral"],
    ["ces", 5, "agree"],
    ["ces", 7, "agree"],
  ] as const)("%s %i → %s", (metric, score, category) => {
    const s: SurveyShape = { type: metric, questions: [{ key: "q", type: "score", headline: true }] };
    expect(computeHeadline(s, { q: score })).toEqual({ metric, score, category, comment: null, hasComment: false });
  });

  it("takes the first answered text question as the comment", () => {
    expect(computeHeadline(survey, { nps: 10, why_high: "Love it" })).toMatchObject({
      comment: "Love it",
      hasComment: true,
    });
    expect(computeHeadline(survey, { nps: 2, why_low: "Slow", why_high: "never both" })).toMatchObject({
      comment: "Slow",
    });
  });

  it("has no metric before the headline is answered, and none for other survey types", () => {
    expect(computeHeadline(survey, { plan: "pro" })).toEqual({
      metric: null,
      score: null,
      category: null,
      comment: null,
      hasComment: false,
    });
    const custom: SurveyShape = { type: "custom", questions: [{ key: "q", type: "score", headline: true }] };
    expect(computeHeadline(custom, { q: 9 })).toMatchObject({ metric: null, score: null, category: null });
  });

  it("never throws on a score off the metric's scale", () => {
    expect(computeHeadline(survey, { nps: 42 })).toMatchObject({ metric: null, score: null });
  });
});

describe("properties", () => {
  const value = fc.oneof(
    fc.integer({ min: -3, max: 14 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 20 }),
    fc.constantFrom("price", "speed", "support", "basic", "pro", "gold", ""),
    fc.array(fc.constantFrom("price", "speed", "support", "x"), { maxLength: 4 }),
    fc.anything(),
  );
  const keys = fc.constantFrom(
    "nps",
    "why_low",
    "why_high",
    "topics",
    "support_ok",
    "plan",
    "effort",
    "other",
    "__proto__",
    "toString",
  );
  const answers = fc.dictionary(keys, value, { maxKeys: 8 });

  it("random answers never throw: either valid, or named issues with reasons", () => {
    fc.assert(
      fc.property(fc.oneof(answers, fc.anything()), fc.boolean(), (submitted, complete) => {
        const r = validateAnswers(survey, submitted, { complete });
        if (r.ok) {
          expect(Object.keys(r.answers).length).toBeGreaterThan(0);
          for (const key of Object.keys(r.answers)) expect(survey.questions.some((q) => q.key === key)).toBe(true);
          expect(() => computeHeadline(survey, r.answers)).not.toThrow();
          // a valid set is stable: validating it again as previous answers changes nothing
          expect(validateAnswers(survey, {}, { complete: false, previous: r.answers })).toEqual(r);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(i.name === "answers" || i.name === `answers.${i.key}`).toBe(true);
            expect(i.reason.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on malformed stored questions either (odd types, options, logic, scales)", () => {
    const question = fc.record({
      key: fc.constantFrom("a", "b", "c"),
      type: fc.constantFrom("score", "single_choice", "multi_choice", "text", "yes_no", "matrix"),
      required: fc.option(fc.boolean()),
      headline: fc.option(fc.boolean()),
      scaleMin: fc.option(fc.integer({ min: -5, max: 5 })),
      scaleMax: fc.option(fc.integer({ min: -5, max: 12 })),
      options: fc.oneof(fc.anything(), fc.constant([{ key: "x", label: "X" }])),
      logic: fc.oneof(
        fc.anything(),
        fc.record({ showIf: fc.record({ question: fc.constantFrom("a", "b"), lte: fc.integer() }) }),
      ),
    });
    fc.assert(
      fc.property(
        fc.constantFrom("nps", "csat", "ces", "custom"),
        fc.array(question, { maxLength: 4 }),
        fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.anything()),
        fc.boolean(),
        (type, questions, submitted, complete) => {
          const shape = { type, questions };
          const r = validateAnswers(shape, submitted, { complete });
          if (r.ok) expect(() => computeHeadline(shape, r.answers)).not.toThrow();
          else expect(r.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a valid NPS answer always yields the category of its score", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (score) => {
        const r = validateAnswers(survey, { nps: score }, { complete: false });
        expect(r.ok).toBe(true);
        const h = computeHeadline(survey, r.ok ? r.answers : {});
        expect(h.category).toBe(score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor");
      }),
    );
  });
});
