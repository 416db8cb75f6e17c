import { describe, expect, it } from "vitest";
import { attributeLabel } from "./attribute-label";

describe("attributeLabel", () => {
  it("turns the keys imports and the API use into words", () => {
    expect(attributeLabel("tenureMonths")).toBe("Tenure months");
    expect(attributeLabel("plan")).toBe("Plan");
    expect(attributeLabel("home_store")).toBe("Home store");
    expect(attributeLabel("last-order.date")).toBe("Last order date");
    expect(attributeLabel("crmID")).toBe("Crm ID");
    expect(attributeLabel("NPSSegment")).toBe("NPS segment");
  });
  it("keeps a key it cannot split", () => {
    expect(attributeLabel("___")).toBe("___");
  });
});
