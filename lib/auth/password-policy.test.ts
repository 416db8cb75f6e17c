// The password policy with the real zxcvbn dictionaries: what it refuses, with which words, and what it lets through.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { contextWords, hashNewPassword, passwordProblem } from "./password-policy";
import { verifyPassword } from "./password";

const ada = { email: "ada.lovelace@analytical.test", name: "Ada Lovelace", orgName: "Analytical Engines" };

describe("passwordProblem", () => {
  it("refuses short passwords by length, and over-long ones by length", () => {
    expect(passwordProblem("aaaaaaaaaa")).toBe("Use at least 12 characters");
    expect(passwordProblem("Xq7!")).toBe("Use at least 12 characters");
    expect(passwordProblem("w".repeat(257))).toBe("Use at most 256 characters");
  });

  it.each([
    "aaaaaaaaaaaa",
    "password1234",
    "Password1234!",
    "qwertyuiop123",
    "123456789012",
    "iloveyou2024",
    "hunter2hunter2",
  ])("refuses %s as too easy to guess, saying what to do", (password) => {
    expect(passwordProblem(password)).toMatch(
      /^Too easy to guess: add another word or two that are not about you or your organization\./,
    );
  });

  it("counts the product's name as easy to guess (the demo password is refused)", () => {
    expect(passwordProblem("resonance-demo")).toMatch(/^Too easy to guess/);
  });

  it("names the weakness when zxcvbn knows it", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toContain('Repeated characters like "aaa" are easy to guess');
  });

  it("counts the person's own e-mail, name and organization as easy to guess", () => {
    for (const password of ["ada.lovelace@analytical.test", "AdaLovelace1815", "analytical engines 1"]) {
      expect(passwordProblem(password, ada), password).toMatch(/^Too easy to guess/);
    }
    // without the context the same made-up name would pass: the context is what refuses it
    expect(passwordProblem("Zorblaxian Quuxworth 9", {})).toBeNull();
    expect(passwordProblem("Zorblaxian Quuxworth 9", { name: "Zorblaxian Quuxworth" })).toMatch(/^Too easy to guess/);
  });

  it.each(["correct horse battery staple", "lantern velvet orbit 42", "tr0ub4dor&3 xylophone", "k9#Qz!m2Lp$7vW"])(
    "accepts %s",
    (password) => {
      expect(passwordProblem(password, ada)).toBeNull();
    },
  );
});

describe("contextWords", () => {
  it("takes whole values, their words run together, and their words of three letters or more", () => {
    expect(contextWords({ email: "Jo.Li@ex-ample.test", name: " Jo ", orgName: null })).toEqual([
      "resonance",
      "jo.li@ex-ample.test",
      "joliexampletest",
      "ample",
      "test",
      "jo",
    ]);
  });
});

describe("hashNewPassword", () => {
  it("throws a 400 naming the field for a refused password, and hashes an accepted one", async () => {
    const error = await hashNewPassword("resonance", {}, "newPassword").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).invalidParams).toEqual([
      { name: "newPassword", reason: "Use at least 12 characters" },
    ]);
    const stored = await hashNewPassword("lantern velvet orbit 42", ada);
    expect(await verifyPassword("lantern velvet orbit 42", stored)).toBe(true);
  });
});
