import { describe, expect, it } from "vitest";
import {
  canonicalRecoveryCode,
  hashRecoveryCode,
  newRecoveryCode,
  newRecoveryCodes,
  RECOVERY_CODE_COUNT,
} from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of two groups of five unambiguous characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it("do not repeat across many draws (50 random bits each)", () => {
    const seen = new Set(Array.from({ length: 5000 }, newRecoveryCode));
    expect(seen.size).toBe(5000);
  });

  it("are read whatever the case, spaces and dashes", () => {
    const code = newRecoveryCode();
    const canonical = canonicalRecoveryCode(code)!;
    expect(canonical).toHaveLength(10);
    for (const typed of [code.toUpperCase(), code.replace("-", ""), ` ${code.replace("-", " ")} `])
      expect(canonicalRecoveryCode(typed)).toBe(canonical);
    expect(hashRecoveryCode(canonicalRecoveryCode(code.toUpperCase())!)).toBe(hashRecoveryCode(canonical));
  });

  it("refuse input of the wrong length or with letters outside the alphabet, and six-digit codes", () => {
    for (const bad of ["", "12345", "123456", "abcde-fghij-k", "abcde-fghio", "abcde-fghiu", "abcde_fghij"])
      expect(canonicalRecoveryCode(bad)).toBeNull();
  });

  it("are stored as a sha256 that does not contain the code", () => {
    const canonical = canonicalRecoveryCode(newRecoveryCode())!;
    const hash = hashRecoveryCode(canonical);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(canonical);
  });
});
