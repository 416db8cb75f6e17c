import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { parseMappingParam, resolveMapping, suggestMapping } from "./mapping";

const header = ["Customer ID", "Full name", "E-mail", "Phone", "Segments", "Opt-in", "plan", "attributes.region"];

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.invalidParams!.map((p) => p.name);
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("suggestMapping", () => {
  it("recognises common header spellings and sends the rest to attributes", () => {
    expect(suggestMapping(header)).toEqual({
      "Customer ID": "externalId",
      "Full name": "name",
      "E-mail": "email",
      Phone: "phone",
      Segments: "tags",
      "Opt-in": "consent",
      plan: "attributes.plan",
      "attributes.region": "attributes.region",
    });
  });
  it("maps a field once; a second matching column becomes an attribute", () => {
    expect(suggestMapping(["name", "Name "])).toEqual({ name: "name", "Name ": "attributes.Name" });
  });
});

describe("resolveMapping", () => {
  it("keeps valid targets and drops ignored columns", () => {
    expect(resolveMapping({ "Full name": "name", plan: "ignore", Phone: "attributes.tel" }, header)).toEqual({
      "Full name": "name",
      Phone: "attributes.tel",
    });
  });
  it("names each bad column", () => {
    expect(
      problems(() => resolveMapping({ "Full name": "name", Nope: "email", plan: "shoe_size", Phone: 3 }, header)),
    ).toEqual(["mapping.Nope", "mapping.plan", "mapping.Phone"]);
  });
  it("refuses two columns on one field and a mapping without name", () => {
    expect(problems(() => resolveMapping({ "Full name": "name", Phone: "name" }, header))).toEqual(["mapping.Phone"]);
    expect(problems(() => resolveMapping({ "E-mail": "email" }, header))).toEqual(["mapping"]);
  });
  it("parses the query parameter, or suggests one when it is absent", () => {
    expect(problems(() => parseMappingParam("{nope", header))).toEqual(["mapping"]);
    expect(problems(() => parseMappingParam("[]", header))).toEqual(["mapping"]);
    expect(parseMappingParam(undefined, header)["Full name"]).toBe("name");
  });
});
