import { describe, expect, it } from "vitest";
import { hasRole, lowerRole, ROLES } from "./roles";

describe("lowerRole (an API key's effective role: lib/api-keys/service.ts)", () => {
  it("is one of the two and allows nothing that either of them does not", () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        const low = lowerRole(a, b);
        expect([a, b]).toContain(low);
        expect(hasRole(a, low) && hasRole(b, low)).toBe(true);
        expect(lowerRole(b, a)).toBe(low);
      }
    }
    expect(lowerRole("admin", "agent")).toBe("agent");
    expect(lowerRole("viewer", "admin")).toBe("viewer");
  });
});
