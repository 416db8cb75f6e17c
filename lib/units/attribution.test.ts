import { describe, expect, it } from "vitest";
import { attribute, attributeCase } from "./attribution";

const active = (id: string) => ({ id, archived: false });
const archived = (id: string) => ({ id, archived: true });

describe('attribute (docs/hierarchy.md, "Attribution")', () => {
  const all = {
    explicit: active("link"),
    staff: active("staff"),
    touchpoint: active("tp"),
    customer: active("home"),
  };

  it("takes the rules in order: explicit, staff, touchpoint, customer", () => {
    expect(attribute(all)).toEqual({ unitId: "link", rule: "explicit" });
    expect(attribute({ ...all, explicit: null })).toEqual({ unitId: "staff", rule: "staff" });
    expect(attribute({ ...all, explicit: null, staff: undefined })).toEqual({ unitId: "tp", rule: "touchpoint" });
    expect(attribute({ customer: active("home") })).toEqual({ unitId: "home", rule: "customer" });
  });

  it("skips an archived candidate and tries the next rule", () => {
    expect(attribute({ ...all, explicit: archived("link") })).toEqual({ unitId: "staff", rule: "staff" });
    expect(
      attribute({ explicit: archived("a"), staff: archived("b"), touchpoint: archived("c"), customer: active("d") }),
    ).toEqual({ unitId: "d", rule: "customer" });
  });

  it("gives no unit when no rule applies", () => {
    expect(attribute({})).toEqual({ unitId: null, rule: "none" });
    expect(attribute({ touchpoint: archived("c"), customer: archived("d") })).toEqual({ unitId: null, rule: "none" });
  });
});

describe("attributeCase", () => {
  it("belongs with its response or interaction, else the customer's active home unit", () => {
    expect(attributeCase({ source: { unitId: "s" }, customer: active("home") })).toEqual({
      unitId: "s",
      rule: "source",
    });
    expect(attributeCase({ source: { unitId: null }, customer: active("home") })).toEqual({
      unitId: "home",
      rule: "customer",
    });
    expect(attributeCase({ source: null, customer: archived("home") })).toEqual({ unitId: null, rule: "none" });
    expect(attributeCase({})).toEqual({ unitId: null, rule: "none" });
  });
});
