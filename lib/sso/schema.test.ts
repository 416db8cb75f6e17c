// What an admin may type as allowed domains and issuer.
import { describe, expect, it } from "vitest";
import { allowedDomainsSchema, issuerSchema } from "./schema";

describe("allowedDomainsSchema", () => {
  it("takes a comma/space list or an array, lower-cases, drops a leading @ and duplicates", () => {
    expect(allowedDomainsSchema.parse("Acme.com, @acme.co.uk;acme.com\nsub.acme.com")).toEqual([
      "acme.com",
      "acme.co.uk",
      "sub.acme.com",
    ]);
    expect(allowedDomainsSchema.parse(["ACME.COM"])).toEqual(["acme.com"]);
  });
  it.each([[""], ["localhost"], ["acme"], ["*.acme.com"], ["user@acme.com"], ["acme.com/x"], ["-acme.com"]])(
    "refuses %j",
    (v) => {
      expect(allowedDomainsSchema.safeParse(v).success).toBe(false);
    },
  );
});

describe("issuerSchema", () => {
  it.each(["https://login.example.com/realms/acme", "http://127.0.0.1:8080"])(
    "accepts %s (the network guard decides about http)",
    (v) => {
      expect(issuerSchema.safeParse(v).success).toBe(true);
    },
  );
  it.each([
    "login.example.com",
    "ftp://x.example",
    "https://u:p@x.example",
    "https://x.example/?a=1",
    "https://x.example/#f",
    "javascript:alert(1)",
  ])("refuses %s", (v) => {
    expect(issuerSchema.safeParse(v).success).toBe(false);
  });
});
