import { describe, expect, it } from "vitest";
import { questionDraftSchema, surveyCreateSchema, surveyUpdateSchema, type QuestionDraft } from "./builder-schema";
import { isStructuralChange, lockIssues, questionIssues, type RuleContext, type StoredQuestion } from "./builder-rules";

const q = (over: Partial<QuestionDraft> & { key: string }): QuestionDraft =>
  questionDraftSchema.parse({ type: "text", text: { en: "Q", de: "F" }, ...over });
const score = (key: string, min = 1, max = 5, over: Partial<QuestionDraft> = {}) =>
  q({ key, type: "score", scaleMin: min, scaleMax: max, ...over });
const choice = (key: string, keys: string[], over: Partial<QuestionDraft> = {}) =>
  q({ key, type: "single_choice", options: keys.map((k) => ({ key: k, label: { en: k, de: k } })), ...over });
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  surveyType: "custom",
  languages: ["en", "de"],
  existing: [],
  archivedKeys: new Set(),
  ...over,
});
const names = (issues: { name: string }[]) => issues.map((i) => i.name);

describe("questionIssues", () => {
  it("accepts a valid list", () => {
    expect(
      questionIssues(
        [
          score("a"),
          choice("b", ["x", "y"], { showIf: { question: "a", gte: 4 } }),
          q({ key: "c", showIf: { question: "b", in: ["x"] } }),
        ],
        ctx(),
      ),
    ).toEqual([]);
  });

  it("names duplicate keys and keys of archived questions", () => {
    expect(names(questionIssues([q({ key: "a" }), q({ key: "a" })], ctx()))).toEqual(["questions.1.key"]);
    expect(names(questionIssues([q({ key: "old" })], ctx({ archivedKeys: new Set(["old"]) })))).toEqual([
      "questions.0.key",
    ]);
  });

  it("needs every text in every survey language", () => {
    expect(names(questionIssues([q({ key: "a", text: { en: "Only English", de: "  " } })], ctx()))).toEqual([
      "questions.0.text.de",
    ]);
    expect(
      names(
        questionIssues(
          [
            choice("b", ["x", "y"], {
              options: [
                { key: "x", label: { en: "X", de: "X" } },
                { key: "y", label: { en: "Y" } },
              ],
            }),
          ],
          ctx(),
        ),
      ),
    ).toEqual(["questions.0.options.1.label.de"]);
  });

  it("keeps scales sane and metric headlines on the metric's scale", () => {
    expect(names(questionIssues([score("a", 1, 1)], ctx()))).toEqual(["questions.0.scaleMax"]);
    expect(names(questionIssues([score("a", 0, 20)], ctx()))).toEqual(["questions.0.scaleMax"]);
    expect(names(questionIssues([score("a", 3, 7)], ctx()))).toEqual(["questions.0.scaleMin"]);
    expect(names(questionIssues([q({ key: "a", type: "score" })], ctx()))).toEqual(["questions.0.scaleMin"]);
    expect(names(questionIssues([score("nps", 1, 10, { headline: true })], ctx({ surveyType: "nps" })))).toEqual([
      "questions.0.scaleMax",
    ]);
    expect(questionIssues([score("nps", 0, 10, { headline: true })], ctx({ surveyType: "nps" }))).toEqual([]);
    expect(names(questionIssues([score("x", 0, 10)], ctx({ surveyType: "nps" })))).toEqual(["questions"]);
    expect(
      names(questionIssues([score("a", 0, 10, { headline: true }), score("b", 0, 10, { headline: true })], ctx())),
    ).toEqual(["questions.1.headline"]);
  });

  it("needs at least two options with unique keys on choice questions", () => {
    expect(names(questionIssues([choice("a", ["x"])], ctx()))).toEqual(["questions.0.options"]);
    expect(names(questionIssues([choice("a", ["x", "x"])], ctx()))).toEqual(["questions.0.options.1.key"]);
  });

  it("lets skip logic refer only to an earlier question, with values it can have", () => {
    const later = [q({ key: "a", showIf: { question: "b", in: ["x"] } }), choice("b", ["x", "y"])];
    expect(names(questionIssues(later, ctx()))).toEqual(["questions.0.showIf.question"]);
    expect(names(questionIssues([q({ key: "a", showIf: { question: "a", in: ["x"] } })], ctx()))).toEqual([
      "questions.0.showIf.question",
    ]);
    expect(
      names(questionIssues([score("a", 0, 10), q({ key: "b", showIf: { question: "a", lte: 11 } })], ctx())),
    ).toEqual(["questions.1.showIf.lte"]);
    expect(
      names(questionIssues([score("a", 0, 10), q({ key: "b", showIf: { question: "a", in: [2.5] } })], ctx())),
    ).toEqual(["questions.1.showIf.in"]);
    expect(
      names(questionIssues([choice("a", ["x", "y"]), q({ key: "b", showIf: { question: "a", in: ["z"] } })], ctx())),
    ).toEqual(["questions.1.showIf.in"]);
    expect(
      names(questionIssues([choice("a", ["x", "y"]), q({ key: "b", showIf: { question: "a", gte: 1 } })], ctx())),
    ).toEqual(["questions.1.showIf.question"]);
    expect(
      names(
        questionIssues(
          [q({ key: "a", type: "yes_no" }), q({ key: "b", showIf: { question: "a", in: ["yes"] } })],
          ctx(),
        ),
      ),
    ).toEqual(["questions.1.showIf.in"]);
    expect(
      questionIssues([q({ key: "a", type: "yes_no" }), q({ key: "b", showIf: { question: "a", in: [true] } })], ctx()),
    ).toEqual([]);
    expect(
      names(questionIssues([q({ key: "a" }), q({ key: "b", showIf: { question: "a", in: ["x"] } })], ctx())),
    ).toEqual(["questions.1.showIf.question"]);
  });

  it("refuses ids that are not the survey's current questions, or listed twice", () => {
    const existing: StoredQuestion[] = [
      { id: "q1", key: "a", type: "text", scaleMin: null, scaleMax: null, options: [], answerCount: 0 },
    ];
    expect(
      names(
        questionIssues(
          [q({ key: "a", id: "q1" }), q({ key: "b", id: "q1" }), q({ key: "c", id: "zz" })],
          ctx({ existing }),
        ),
      ),
    ).toEqual(["questions.1.id", "questions.2.id"]);
  });
});

describe("lockIssues", () => {
  const stored = (answerCount: number): StoredQuestion[] => [
    { id: "s", key: "sat", type: "score", scaleMin: 1, scaleMax: 5, options: [], answerCount },
    {
      id: "c",
      key: "plan",
      type: "single_choice",
      scaleMin: null,
      scaleMax: null,
      options: [
        { key: "x", label: {} },
        { key: "y", label: {} },
      ],
      answerCount,
    },
  ];

  it("lets answered questions change wording, required and add options, but not key, type, scale or option keys", () => {
    const wording = [
      score("sat", 1, 5, { id: "s", text: { en: "New", de: "Neu" }, required: true }),
      choice("plan", ["x", "y", "z"], { id: "c" }),
    ];
    expect(lockIssues(wording, stored(3))).toEqual([]);
    const structural = [score("sat2", 1, 7, { id: "s" }), choice("plan", ["x"], { id: "c" })];
    expect(names(lockIssues(structural, stored(3)))).toEqual([
      "questions.0.key",
      "questions.0.scaleMax",
      "questions.1.options",
    ]);
    expect(lockIssues(structural, stored(0))).toEqual([]);
    expect(names(lockIssues([q({ key: "sat", id: "s" })], stored(1)))).toEqual([
      "questions.0.type",
      "questions.0.scaleMin",
      "questions.0.scaleMax",
    ]);
  });
});

describe("isStructuralChange", () => {
  const before = [
    { ...score("a", 1, 5), id: "1" },
    { ...choice("b", ["x", "y"]), id: "2" },
  ];
  it("is false for wording only, whatever the key order of the objects", () => {
    const reworded = [
      { ...before[0], text: { de: "Neu", en: "New" } },
      { ...before[1], options: before[1].options.map((o) => ({ label: { en: "L" }, key: o.key })) },
    ];
    expect(isStructuralChange(before, reworded)).toBe(false);
    expect(isStructuralChange(before, [{ ...before[0], showIf: null }, before[1]])).toBe(false);
  });
  it("is true for order, added/removed questions, required, options or logic", () => {
    expect(isStructuralChange(before, [before[1], before[0]])).toBe(true);
    expect(isStructuralChange(before, [before[0]])).toBe(true);
    expect(isStructuralChange(before, [before[0], before[1], q({ key: "c" })])).toBe(true);
    expect(isStructuralChange(before, [{ ...before[0], required: true }, before[1]])).toBe(true);
    expect(isStructuralChange(before, [before[0], choice("b", ["x", "y", "z"], { id: "2" })])).toBe(true);
    expect(isStructuralChange(before, [before[0], { ...before[1], showIf: { question: "a", gte: 3 } }])).toBe(true);
  });
});

describe("survey create/update schemas", () => {
  it("normalizes languages and needs the default among them", () => {
    expect(surveyCreateSchema.parse({ name: "S", template: "nps", languages: ["EN", "de-ch"] })).toMatchObject({
      languages: ["en", "de-CH"],
      defaultLocale: "en",
    });
    const bad = surveyCreateSchema.safeParse({ name: "S", template: "nps", languages: ["en"], defaultLocale: "de" });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["defaultLocale"]);
    expect(
      surveyCreateSchema
        .safeParse({ name: "S", template: "nps", languages: ["en", "en"] })
        .error?.issues.map((i) => i.path.join(".")),
    ).toEqual(["languages"]);
  });
  it("normalizes allowed origins and refuses what is not an origin, naming the entry", () => {
    expect(
      surveyUpdateSchema.parse({ settings: { allowedOrigins: ["https://Shop.Example.com/"] } }).settings
        ?.allowedOrigins,
    ).toEqual(["https://shop.example.com"]);
    const bad = surveyUpdateSchema.safeParse({
      settings: { allowedOrigins: ["https://ok.example", "javascript:alert(1)"] },
    });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["settings.allowedOrigins.1"]);
    expect(surveyUpdateSchema.safeParse({}).success).toBe(false);
  });
});
