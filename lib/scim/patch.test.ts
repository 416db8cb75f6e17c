// The PATCH and filter shapes identity providers send, turned into steps and database conditions.
import { describe, expect, it } from "vitest";
import { patchSteps, scimBoolean } from "./patch";
import { filterToWhere, pageOf } from "./filter";
import { conventionRole, highestRole } from "./group-roles";
import { ScimError } from "./errors";

const ops = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

function scimTypeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return e.scimType ?? String(e.status);
    throw e;
  }
  return "no error";
}

describe("patchSteps", () => {
  it("reads Entra's capitalised ops with a path and Okta's value objects without one", () => {
    expect(patchSteps(ops({ op: "Replace", path: "active", value: "False" }))).toEqual([
      { op: "replace", attr: "active", value: "False" },
    ]);
    expect(patchSteps(ops({ op: "replace", value: { active: false, "name.givenName": "Ann" } }))).toEqual([
      { op: "replace", attr: "active", value: false },
      { op: "replace", attr: "name.givenname", value: "Ann" },
    ]);
    expect(
      patchSteps(ops({ op: "Add", path: "urn:ietf:params:scim:schemas:core:2.0:User:displayName", value: "A" }))[0]
        .attr,
    ).toBe("displayname");
  });

  it("reads member filters and sub-attribute paths", () => {
    expect(patchSteps(ops({ op: "remove", path: 'members[value eq "m1"]' }))[0]).toMatchObject({
      attr: "members",
      filterValues: ["m1"],
    });
    expect(patchSteps(ops({ op: "remove", path: 'members[value eq "m1" or value eq "m2"]' }))[0].filterValues).toEqual([
      "m1",
      "m2",
    ]);
    expect(patchSteps(ops({ op: "replace", path: 'emails[type eq "work"].value', value: "x@y.z" }))[0].attr).toBe(
      "emails.value",
    );
  });

  it("refuses what it cannot apply with the RFC's scimType", () => {
    expect(scimTypeOf(() => patchSteps({}))).toBe("invalidSyntax");
    expect(scimTypeOf(() => patchSteps(ops({ op: "move", path: "active" })))).toBe("invalidSyntax");
    expect(scimTypeOf(() => patchSteps(ops({ op: "remove" })))).toBe("noTarget");
    expect(scimTypeOf(() => patchSteps(ops({ op: "replace", value: [1] })))).toBe("invalidValue");
    expect(scimTypeOf(() => patchSteps(ops({ op: "remove", path: 'members[display eq "x"]' })))).toBe("invalidPath");
    expect(scimTypeOf(() => patchSteps(ops({ op: "add", path: "a b" })))).toBe("invalidPath");
  });

  it("takes SCIM booleans as sent", () => {
    expect([true, false, "True", "false", " TRUE "].map((v) => scimBoolean(v, "active"))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(scimTypeOf(() => scimBoolean("yes", "active"))).toBe("invalidValue");
  });
});

describe("filterToWhere", () => {
  type W = { email?: unknown; ext?: unknown };
  const attrs: Record<string, (v: unknown) => W> = {
    username: (v) => ({ email: v }),
    externalid: (v) => ({ ext: v }),
    "emails.value": (v) => ({ email: v }),
  };
  it("maps eq with and/or, value paths and schema URNs", () => {
    expect(filterToWhere('userName eq "a@b.c"', attrs)).toEqual({ email: "a@b.c" });
    expect(filterToWhere('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c"', attrs)).toEqual({
      email: "a@b.c",
    });
    expect(filterToWhere('emails[value eq "a@b.c"]', attrs)).toEqual({ email: "a@b.c" });
    expect(filterToWhere('userName eq "a" or externalId eq "x"', attrs)).toEqual({
      OR: [{ email: "a" }, { ext: "x" }],
    });
    expect(filterToWhere(undefined, attrs)).toBeUndefined();
  });
  it("refuses other operators, attributes and broken filters as invalidFilter", () => {
    for (const f of ['userName co "a"', 'title eq "x"', "userName eq", 'not (userName eq "a")', "userName pr"])
      expect(
        scimTypeOf(() => filterToWhere(f, attrs)),
        f,
      ).toBe("invalidFilter");
  });
  it("clamps startIndex and count", () => {
    const page = (s: string) => pageOf(new URLSearchParams(s), 200);
    expect(page("")).toEqual({ startIndex: 1, count: 200 });
    expect(page("startIndex=0&count=-5")).toEqual({ startIndex: 1, count: 0 });
    expect(page("startIndex=7&count=1000")).toEqual({ startIndex: 7, count: 200 });
    expect(page("startIndex=x&count=y")).toEqual({ startIndex: 1, count: 200 });
  });
});

describe("group roles", () => {
  it("takes the highest role and reads the naming convention", () => {
    expect(highestRole(["agent", null, "manager", "viewer"])).toBe("manager");
    expect(highestRole([null])).toBeNull();
    expect(
      [
        "resonance-admins",
        "Resonance Manager",
        "RESONANCE_agents",
        "resonance-viewer",
        "admins",
        "resonance-owners",
      ].map(conventionRole),
    ).toEqual(["admin", "manager", "agent", "viewer", null, null]);
  });
});
