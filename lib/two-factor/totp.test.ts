import { describe, expect, it } from "vitest";
import { formatSecretForTyping, looksLikeTotp, newTotpSecret, totpCodeAt, totpStepOf, totpUri } from "./totp";

// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" (ASCII), Base32-encoded, 8-digit codes.
// Its 6-digit codes are the last six digits of the published 8-digit ones.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: Array<[number, string]> = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];

describe("TOTP codes", () => {
  it.each(RFC_VECTORS)("at t=%i the code is %s (RFC 6238 test vector)", (t, code) => {
    expect(totpCodeAt(RFC_SECRET, new Date(t * 1000))).toBe(code);
    expect(totpStepOf(RFC_SECRET, code, new Date(t * 1000))).toBe(Math.floor(t / 30));
  });

  it("accepts the code of the previous and the next 30-second step, not two steps away", () => {
    const now = new Date(1_700_000_015_000); // 15 s into a step
    const step = Math.floor(now.getTime() / 30_000);
    for (const delta of [-1, 0, 1]) {
      const code = totpCodeAt(RFC_SECRET, new Date((step + delta) * 30_000));
      expect(totpStepOf(RFC_SECRET, code, now)).toBe(step + delta);
    }
    for (const delta of [-2, 2]) {
      const code = totpCodeAt(RFC_SECRET, new Date((step + delta) * 30_000));
      expect(totpStepOf(RFC_SECRET, code, now)).toBeNull();
    }
  });

  it("takes a code typed with a space or dash, and refuses anything that is not six digits", () => {
    const now = new Date(1234567890 * 1000);
    expect(totpStepOf(RFC_SECRET, "005 924", now)).not.toBeNull();
    expect(totpStepOf(RFC_SECRET, "005-924", now)).not.toBeNull();
    for (const bad of ["", "05924", "0059240", "abcdef", "005924x"])
      expect(totpStepOf(RFC_SECRET, bad, now)).toBeNull();
    expect(looksLikeTotp(" 123 456 ")).toBe(true);
    expect(looksLikeTotp("7kq2m-x9c4d")).toBe(false);
  });

  it("refuses the right code for another secret", () => {
    const now = new Date();
    const a = newTotpSecret();
    const b = newTotpSecret();
    expect(a).not.toBe(b);
    expect(totpStepOf(b, totpCodeAt(a, now), now)).toBeNull();
  });

  it("makes 160-bit Base32 secrets and an otpauth URI authenticator apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Resonance:ada@example.com");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Resonance");
    expect(formatSecretForTyping("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
