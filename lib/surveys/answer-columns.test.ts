import { describe, expect, it } from "vitest";
import { fromAnswerColumns, sameAnswer, toAnswerColumns } from "./answer-columns";
import type { AnswerValue } from "./logic";
import type { QuestionType } from "./question-schema";

describe("answer columns", () => {
  it.each([
    ["score", 9, { valueNumber: 9, valueText: null, valueChoice: null }],
    ["yes_no", true, { valueNumber: 1, valueText: null, valueChoice: null }],
    ["yes_no", false, { valueNumber: 0, valueText: null, valueChoice: null }],
    ["text", "Slow", { valueNumber: null, valueText: "Slow", valueChoice: null }],
    ["single_choice", "pro", { valueNumber: null, valueText: null, valueChoice: "pro" }],
    ["multi_choice", ["a", "b"], { valueNumber: null, valueText: null, valueChoice: ["a", "b"] }],
  ] as Array<[QuestionType, AnswerValue, object]>)("%s %j round-trips", (type, value, columns) => {
    expect(toAnswerColumns(type, value)).toEqual(columns);
    expect(fromAnswerColumns(type, toAnswerColumns(type, value))).toEqual(value);
  });

  it("reads a row of the wrong shape as no value", () => {
    expect(fromAnswerColumns("multi_choice", { valueNumber: null, valueText: null, valueChoice: "a" })).toBeNull();
    expect(fromAnswerColumns("single_choice", { valueNumber: null, valueText: null, valueChoice: ["a"] })).toBeNull();
    expect(fromAnswerColumns("yes_no", { valueNumber: null, valueText: null, valueChoice: null })).toBeNull();
  });

  it("compares lists by content", () => {
    expect(sameAnswer(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameAnswer(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameAnswer(9, 9)).toBe(true);
    expect(sameAnswer(9, undefined)).toBe(false);
  });
});
