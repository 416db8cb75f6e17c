import { describe, expect, it } from "vitest";
import { displayValue, readAnswers } from "./answers";

const options = [
  { key: "basic", label: { en: "Basic", de: "Basis" } },
  { key: "pro", label: "Pro" },
];
const q = (key: string, type: string, position: number, extra: object = {}) => ({
  id: `q-${key}`,
  key,
  type,
  position,
  text: { en: `${key}?`, de: `${key} (de)?` },
  options: null,
  ...extra,
});

describe("displayValue", () => {
  it("shows option labels in the locale, Yes/No, numbers and text", () => {
    expect(displayValue("single_choice", "basic", options, "de")).toBe("Basis");
    expect(displayValue("multi_choice", ["basic", "pro"], options, "en")).toBe("Basic, Pro");
    expect(displayValue("single_choice", "gone", options, "en")).toBe("gone"); // an option removed since
    expect(displayValue("yes_no", false, null, "en")).toBe("No");
    expect(displayValue("score", 0, null, "en")).toBe("0");
    expect(displayValue("text", "=1+1", null, "en")).toBe("=1+1");
    expect(displayValue("text", null, null, "en")).toBe("");
  });
});

describe("readAnswers", () => {
  it("orders by question position and reads each column by type, texts in the given locale", () => {
    const read = readAnswers(
      [
        { valueNumber: 1, valueText: null, valueChoice: null, question: q("renew", "yes_no", 2) },
        {
          valueNumber: null,
          valueText: null,
          valueChoice: "pro",
          question: q("plan", "single_choice", 1, { options }),
        },
        { valueNumber: 7, valueText: null, valueChoice: null, question: q("nps", "score", 0) },
      ],
      "en",
    );
    expect(read.map((a) => [a.key, a.question, a.value, a.display])).toEqual([
      ["nps", "nps?", 7, "7"],
      ["plan", "plan?", "pro", "Pro"],
      ["renew", "renew?", true, "Yes"],
    ]);
  });
});
