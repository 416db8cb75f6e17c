import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toJsonSchema } from "./document";
import { exampleOf, fieldRows } from "./schema-table";

describe("schema table", () => {
  const schema = toJsonSchema(
    z.object({
      name: z.string().min(1).max(120).describe("Shown everywhere"),
      kind: z.enum(["a", "b"]).optional(),
      stages: z.array(z.object({ name: z.string(), weight: z.number().int().min(0) })).max(30),
      owner: z.union([z.string(), z.null()]).optional(),
    }),
  );

  it("flattens nested objects and array items into dotted rows with types, rules and required flags", () => {
    const rows = fieldRows(schema);
    expect(rows.map((r) => [r.name, r.type, r.required])).toEqual([
      ["name", "string", true],
      ["kind", '"a" | "b"', false],
      ["stages", "array of object", true],
      ["stages[].name", "string", true],
      ["stages[].weight", "integer", true],
      ["owner", "string | null", false],
    ]);
    expect(rows[0].rules).toEqual(["min length 1", "max length 120"]);
    expect(rows[0].description).toBe("Shown everywhere");
    expect(rows[4].rules).toContain("≥ 0");
  });

  it("builds an example from the required fields that the schema accepts", () => {
    const example = exampleOf(schema);
    expect(example).toEqual({ name: "example", stages: [] });
  });
});
