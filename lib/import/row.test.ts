import { describe, expect, it } from "vitest";
import { compileMapping, parseConsent, parseRow, parseTags } from "./row";

const header = ["id", "name", "email", "tags", "consent", "plan"];
const columns = compileMapping(
  { id: "externalId", name: "name", email: "email", tags: "tags", consent: "consent", plan: "attributes.plan" },
  header,
);

describe("cells", () => {
  it("reads consent as yes/no/true/false/1/0, empty as not given", () => {
    for (const v of ["yes", "YES", "true", "1", " y "]) expect(parseConsent(v)).toBe(true);
    for (const v of ["no", "False", "0", "n"]) expect(parseConsent(v)).toBe(false);
    expect(parseConsent("")).toBeUndefined();
    expect(parseConsent("maybe")).toBe("bad");
  });
  it("splits tags on commas and semicolons", () => {
    expect(parseTags("vip, churn-risk; b2b;;vip")).toEqual(["vip", "churn-risk", "b2b"]);
  });
});

describe("parseRow", () => {
  it("builds a customer input with the createCustomer rules (trim, lower-case e-mail)", () => {
    expect(parseRow(["C-1", " Ada Lovelace ", "ADA@Example.test", "vip;b2b", "yes", "pro"], columns, 2)).toEqual({
      ok: true,
      input: {
        externalId: "C-1",
        name: "Ada Lovelace",
        email: "ada@example.test",
        tags: ["vip", "b2b"],
        consent: true,
        attributes: { plan: "pro" },
      },
    });
  });
  it("treats empty cells as absent and missing trailing cells as empty", () => {
    expect(parseRow(["", "Bo"], columns, 3)).toEqual({ ok: true, input: { name: "Bo" } });
  });
  it("reports each bad field with the row number", () => {
    const r = parseRow(["C-2", "", "not-an-email", "", "perhaps", ""], columns, 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.field])).toEqual([
      [7, "consent"],
      [7, "name"],
      [7, "email"],
    ]);
    expect(r.problems.find((p) => p.field === "name")?.reason).toBe("Required");
    expect(r.problems.find((p) => p.field === "email")?.reason).toBe("Not a valid e-mail address");
  });
  it("applies the length limits of the customer schema", () => {
    const r = parseRow(["x".repeat(121), "Ok", "", "", "", ""], columns, 4);
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(["externalId"]);
    const tags = parseRow(["", "Ok", "", "y".repeat(41), "", ""], columns, 5);
    expect(tags.ok ? [] : tags.problems.map((p) => p.field)).toEqual(["tags"]);
  });
});
