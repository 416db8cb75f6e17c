import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publicIdParams } from "../surveys/public-schema";
import { checkCustomerToken, newCustomerTokenSecret, signCustomerToken } from "./customer-token";

const secret = "rct_test-secret-0123456789abcdefghijklmnopqrstuvw";
const now = new Date("2026-12-04T00:00:00Z");
const later = new Date("2026-12-05T00:00:00Z");
const claim = { publicId: "abc123", externalId: "CUST-7" };

describe("customer tokens", () => {
  it("is <expiry>.<base64url HMAC-SHA256 of publicId.externalId.expiry>, as the documented snippet computes it", () => {
    const token = signCustomerToken(secret, { ...claim, expiresAt: later });
    const expiry = later.getTime() / 1000;
    const sig = createHmac("sha256", secret).update(`abc123.CUST-7.${expiry}`).digest("base64url");
    expect(token).toBe(`${expiry}.${sig}`);
    // Pinned: docs/security/signed-customer-token.md shows this worked example.
    expect(token).toBe("1796428800.eoAJy0n-IyZDqMvVwbW9dSdndgTtwFOmY0_D3At02CE");
  });

  it("is valid only for the same survey, customer and secret, and until it expires", () => {
    const token = signCustomerToken(secret, { ...claim, expiresAt: later });
    expect(checkCustomerToken([secret], { ...claim, token }, now)).toBe("valid");
    expect(checkCustomerToken(["rct_other", secret], { ...claim, token }, now)).toBe("valid"); // a rotated secret still verifies
    expect(checkCustomerToken(["rct_other"], { ...claim, token }, now)).toBe("invalid");
    expect(checkCustomerToken([secret], { ...claim, publicId: "other1", token }, now)).toBe("invalid");
    expect(checkCustomerToken([secret], { ...claim, externalId: "CUST-8", token }, now)).toBe("invalid");
    expect(checkCustomerToken([secret], { ...claim, token }, later)).toBe("expired");
    const [expiry, sig] = token.split(".");
    expect(checkCustomerToken([secret], { ...claim, token: `${Number(expiry) + 3600}.${sig}` }, now)).toBe("invalid"); // a later expiry is not signed
    expect(checkCustomerToken([secret], { ...claim, token: `${expiry}.${sig.slice(0, -2)}AA` }, now)).toBe("invalid");
    for (const bad of [
      "",
      "x",
      `${expiry}`,
      `${expiry}.`,
      `.${sig}`,
      `${expiry}.${sig}=`,
      `-1.${sig}`,
      `${expiry}.${sig}.x`,
    ]) {
      expect(checkCustomerToken([secret], { ...claim, token: bad }, now)).toBe("invalid");
    }
    expect(checkCustomerToken([], { ...claim, token }, now)).toBe("invalid");
  });

  it("cannot be read two ways: the external id may hold dots", () => {
    const token = signCustomerToken(secret, { publicId: "abc123", externalId: "a.b", expiresAt: later });
    expect(checkCustomerToken([secret], { publicId: "abc123", externalId: "a.b", token }, now)).toBe("valid");
    // …because neither end can: a survey id never has a dot (the public API refuses one) and the expiry is digits.
    expect(publicIdParams.safeParse({ publicId: "abc123.a" }).success).toBe(false);
  });

  it("makes 256-bit secrets with a recognisable prefix", () => {
    const a = newCustomerTokenSecret();
    expect(a).toMatch(/^rct_[A-Za-z0-9_-]{43}$/);
    expect(newCustomerTokenSecret()).not.toBe(a);
  });
});
