// The builder's attribute values carry the type the user chose: "01234" as text stays "01234", a number is a number
// only when asked for, and a saved definition comes back into rows with its types.
import { describe, expect, it } from "vitest";
import { definitionSchema } from "@/lib/audiences/definition";
import { emptyRow, fromDefinition, toCriterion, toDefinition, type Row } from "./criteria";

const attr = (patch: Partial<Row>): Row => ({ ...emptyRow("attribute", 1), attribute: "zip", ...patch });

describe("typed attribute values", () => {
  it('keeps "01234" as text, and makes it a number only when the type is number', () => {
    expect(toCriterion(attr({ value: "01234" }))).toMatchObject({ valueType: "text", value: "01234" });
    expect(toCriterion(attr({ value: "true" }))).toMatchObject({ valueType: "text", value: "true" });
    expect(toCriterion(attr({ valueType: "number", value: " 12.5 " }))).toMatchObject({ value: 12.5 });
    expect(toCriterion(attr({ valueType: "boolean", value: "false" }))).toMatchObject({ value: false });
    expect(toCriterion(attr({ op: "in", values: "007, 8" }))).toMatchObject({ values: ["007", "8"] });
    expect(toCriterion(attr({ op: "in", valueType: "number", values: "7, 8" }))).toMatchObject({ values: [7, 8] });
  });

  it("a value that is not of its type is refused by the schema, naming the field", () => {
    const parsed = definitionSchema.safeParse(toDefinition([attr({ valueType: "number", value: "12a" })]));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["criteria.0.value", "Enter a number"],
    ]);
    const list = definitionSchema.safeParse(toDefinition([attr({ op: "in", valueType: "number", values: "1, x" })]));
    expect(list.error?.issues.map((i) => i.path.join("."))).toEqual(["criteria.0.values.1"]);
  });

  it("a saved definition comes back with its types, and saves again unchanged", () => {
    const saved = definitionSchema.parse({
      criteria: [
        { type: "attribute", key: "zip", op: "equals", valueType: "text", value: "01234" },
        { type: "attribute", key: "seats", op: "equals", value: 12 }, // written through the API without valueType
        { type: "attribute", key: "beta", op: "equals", value: true },
        { type: "attribute", key: "plan", op: "in", valueType: "text", values: ["1", "2"] },
      ],
    });
    const rows = fromDefinition(saved);
    expect(rows.map((r) => [r.valueType, r.value || r.values])).toEqual([
      ["text", "01234"],
      ["number", "12"],
      ["boolean", "true"],
      ["text", "1, 2"],
    ]);
    const again = definitionSchema.parse(toDefinition(rows));
    expect(again.criteria.map((c) => (c.type === "attribute" ? (c.value ?? c.values) : null))).toEqual([
      "01234",
      12,
      true,
      ["1", "2"],
    ]);
  });
});
