import { describe, expect, it } from "vitest";
import { resolveMapping, suggestMapping } from "./mapping";
import { responseRowParser } from "./responses";
import { responseSpec } from "./response-spec";
import { compileMapping } from "./row";

const survey = {
  type: "nps",
  questions: [
    {
      key: "nps",
      type: "score",
      required: true,
      headline: true,
      scaleMin: 0,
      scaleMax: 10,
      text: { en: "How likely are you to recommend us?" },
    },
    {
      key: "plan",
      type: "single_choice",
      options: [
        { key: "basic", label: { en: "Basic", de: "Basis" } },
        { key: "pro", label: "Pro, yearly" },
      ],
      text: "Plan",
    },
    {
      key: "topics",
      type: "multi_choice",
      options: [
        { key: "price", label: "Price" },
        { key: "speed", label: "Speed, uptime" },
      ],
      text: "Topics",
    },
    { key: "renew", type: "yes_no", text: "Will you renew?" },
  ],
};
const spec = responseSpec([
  { key: "nps", title: "How likely are you to recommend us?" },
  { key: "plan", title: "Plan" },
  { key: "topics", title: "Topics" },
  { key: "renew", title: "Will you renew?" },
]);
const parse = responseRowParser(survey);

function rowOf(header: string[], cells: string[]) {
  const columns = compileMapping(resolveMapping(suggestMapping(header, spec), header, spec), header);
  return parse(cells, columns, 2);
}

describe("response rows", () => {
  it("maps the columns of our response export by name and question text, ignoring the derived ones", () => {
    const header = [
      "id",
      "submittedAt",
      "survey",
      "touchpoint",
      "channel",
      "customerId",
      "customerName",
      "customerEmail",
      "locale",
      "completed",
      "metric",
      "score",
      "category",
      "comment",
      "How likely are you to recommend us?",
      "Plan",
      "Topics",
      "Will you renew?",
    ];
    expect(suggestMapping(header, spec)).toMatchObject({
      id: "clientId",
      submittedAt: "submittedAt",
      survey: "ignore",
      customerId: "ignore",
      customerEmail: "customer",
      score: "ignore",
      category: "ignore",
      "How likely are you to recommend us?": "answers.nps",
      Plan: "answers.plan",
      Topics: "answers.topics",
      "Will you renew?": "answers.renew",
    });
  });

  it("a question keyed like a derived export column (comment) takes its own column, not the derived one", () => {
    const ces = responseSpec([
      { key: "ces", title: "Easy?" },
      { key: "comment", title: "What could we do better?" },
    ]);
    expect(suggestMapping(["id", "submittedAt", "comment", "Easy?", "What could we do better?"], ces)).toMatchObject({
      comment: "ignore",
      "What could we do better?": "answers.comment",
    });
    expect(suggestMapping(["submittedAt", "answers.comment"], ces)).toMatchObject({
      "answers.comment": "answers.comment",
    });
  });

  it("reads labels in any language, lists whose labels hold commas, yes/no", () => {
    const r = rowOf(
      ["submittedAt", "nps", "plan", "topics", "renew"],
      ["2025-01-02T03:04:05Z", "9", "basis", "Speed, uptime, Price", "no"],
    );
    expect(r).toMatchObject({
      ok: true,
      input: { completed: true, answers: { nps: 9, plan: "basic", topics: ["price", "speed"], renew: false } },
    });
    expect(rowOf(["submittedAt", "plan", "nps"], ["2025-01-02", "Pro, yearly", "3"])).toMatchObject({
      ok: true,
      input: { answers: { plan: "pro", nps: 3 } },
    });
  });

  it("refuses with the public API's rules, naming each field: range on the headline scale, type, option, required", () => {
    const r = rowOf(
      ["submittedAt", "nps", "plan", "renew", "locale"],
      ["yesterday", "11", "gold", "perhaps", "not a locale!"],
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field).sort()).toEqual([
      "answers.nps",
      "answers.plan",
      "answers.renew",
      "locale",
      "submittedAt",
    ]);
    expect(r.problems.find((p) => p.field === "answers.nps")?.reason).toBe("Must be from 0 to 10");
    const missing = rowOf(["submittedAt", "plan"], ["2025-01-02", "pro"]);
    expect(missing).toMatchObject({
      ok: false,
      problems: [{ row: 2, field: "answers.nps", reason: "Required to complete the response" }],
    });
    expect(rowOf(["submittedAt", "plan", "completed"], ["2025-01-02", "pro", "false"])).toMatchObject({
      ok: true,
      input: { completed: false },
    });
  });

  it("gives a row without client id a stable id from its content", () => {
    const a = rowOf(["submittedAt", "nps"], ["2025-01-02T03:04:05Z", "7"]);
    const b = rowOf(["submittedAt", "nps"], ["2025-01-02T03:04:05Z", "7"]);
    const c = rowOf(["submittedAt", "nps"], ["2025-01-02T03:04:05Z", "8"]);
    expect(a.ok && b.ok && c.ok && a.input.clientId === b.input.clientId && a.input.clientId !== c.input.clientId).toBe(
      true,
    );
  });
});
