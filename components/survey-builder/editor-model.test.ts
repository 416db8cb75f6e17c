// The survey editor's pure question model: new questions per type, moving within bounds, what is sent to
// the API and what locking an answered question keeps fixed.
import { describe, expect, it } from "vitest";
import type { SurveyDetail } from "@/lib/surveys/builder";
import { fromDetail, move, newQuestion, toPublicQuestions, toRequest } from "./editor-model";

const stored = (key: string, answerCount = 0): SurveyDetail["questions"][number] => ({
  id: `id-${key}`,
  key,
  type: "single_choice",
  required: true,
  headline: false,
  scaleMin: null,
  scaleMax: null,
  text: { en: key },
  options: [
    { key: "a", label: { en: "A" } },
    { key: "b", label: { en: "" } },
  ],
  showIf: null,
  servqualDimension: null,
  servqualRole: null,
  answerCount,
  locked: answerCount > 0,
});

describe("survey editor model", () => {
  it("locks the option keys of answered questions only", () => {
    const [answered, fresh] = fromDetail({ questions: [stored("q1", 2), stored("q2")] } as SurveyDetail);
    expect(answered).toMatchObject({ uid: "id-q1", locked: true, lockedOptionKeys: ["a", "b"] });
    expect(fresh).toMatchObject({ locked: false, lockedOptionKeys: [] });
  });

  it("gives a new question the first free key, blank texts in every language and type defaults", () => {
    const existing = fromDetail({ questions: [stored("q1"), stored("q3")] } as SurveyDetail);
    const score = newQuestion("score", existing, ["en", "de"]);
    expect(score).toMatchObject({ key: "q4", scaleMin: 1, scaleMax: 5, options: [], text: { en: "", de: "" } });
    const choice = newQuestion("multi_choice", existing.slice(0, 1), ["en"]);
    expect(choice.key).toBe("q2");
    expect(choice.options).toEqual([
      { key: "option_1", label: { en: "" } },
      { key: "option_2", label: { en: "" } },
    ]);
    expect(newQuestion("text", existing, ["en"]).uid).not.toBe(score.uid);
  });

  it("moves an item and ignores moves past either end", () => {
    expect(move(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], 2, 3)).toEqual(["a", "b", "c"]);
  });

  it("sends the drafts without the editor's own fields", () => {
    const [q] = toRequest(fromDetail({ questions: [stored("q1", 1)] } as SurveyDetail));
    expect(Object.keys(q).sort()).toEqual(
      Object.keys(stored("q1"))
        .filter((k) => k !== "answerCount" && k !== "locked")
        .sort(),
    );
  });

  it("previews labels in the chosen language with the key as fallback", () => {
    const [q] = toPublicQuestions(fromDetail({ questions: [stored("q1")] } as SurveyDetail), "custom", "en", "en");
    expect(q.options).toEqual([
      { key: "a", label: "A" },
      { key: "b", label: "b" },
    ]);
  });
});
