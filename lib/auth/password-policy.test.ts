// The password policy with the real zxcvbn dictionaries: what it refuses, with which words, and what it lets through.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import * as en from "@zxcvbn-ts/language-en";
import { ValidationError } from "../errors";
import { messagesFor } from "../i18n/catalogues";
import { localizeFailure } from "../i18n/action-errors";
import { toActionFailure } from "./action";
import {
  contextWords,
  hashNewPassword,
  passwordProblem,
  passwordRefusal,
  tooEasyReason,
  type PasswordWarning,
} from "./password-policy";
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
      {
        name: "newPassword",
        reason: "Use at least 12 characters",
        message: { key: "errors.field.tooShort", values: { min: 12 } },
      },
    ]);
    const stored = await hashNewPassword("lantern velvet orbit 42", ada);
    expect(await verifyPassword("lantern velvet orbit 42", stored)).toBe(true);
  });
});

describe("the refusal in the form's language (errors.password.tooEasy, errors.field)", () => {
  const tr = (locale: "en" | "de") => {
    const t = createTranslator({ locale, messages: messagesFor(locale) });
    return (m: { key: string; values?: Record<string, string | number> }) =>
      t(m.key as Parameters<typeof t>[0], m.values);
  };

  it("words every zxcvbn warning in the catalogue: its English is the API's reason, its German differs", () => {
    const [inEnglish, inGerman] = [tr("en"), tr("de")];
    for (const warning of [...Object.keys(en.translations.warnings), null] as Array<PasswordWarning | null>) {
      const message = { key: "errors.password.tooEasy", values: { warning: warning ?? "none" } };
      expect(inEnglish(message), String(warning)).toBe(tooEasyReason(warning));
      const german = inGerman(message);
      expect(german, String(warning)).toMatch(/^Zu leicht zu erraten: Fügen Sie/);
      if (warning)
        expect(german.length, warning).toBeGreaterThan(inGerman({ ...message, values: { warning: "none" } }).length);
    }
  });

  it("gives the reset, change-password and new-account forms German, and English unchanged", async () => {
    const tooEasy = await hashNewPassword("aaaaaaaaaaaa", {}, "newPassword").catch((e: unknown) => e);
    const failure = toActionFailure(tooEasy) as { ok: false; message: string; fieldErrors?: Record<string, string> };
    expect(failure.fieldErrors?.newPassword).toBe(passwordProblem("aaaaaaaaaaaa"));
    expect(localizeFailure(failure, tooEasy, "en")).toBe(failure);
    expect(localizeFailure(failure, tooEasy, "de")).toEqual({
      ok: false,
      message: "Bitte korrigieren Sie die markierten Felder.",
      fieldErrors: {
        newPassword:
          "Zu leicht zu erraten: Fügen Sie ein oder zwei weitere Wörter hinzu, die nichts mit Ihnen oder Ihrer " +
          "Organisation zu tun haben. Wiederholte Zeichen wie „aaa“ sind leicht zu erraten.",
      },
    });
    const short = await hashNewPassword("kurz", {}).catch((e: unknown) => e);
    expect(localizeFailure(toActionFailure(short) as typeof failure, short, "de").fieldErrors).toEqual({
      password: "Geben Sie mindestens 12 Zeichen ein",
    });
    expect(passwordRefusal("w".repeat(257))?.message).toEqual({ key: "errors.field.tooLong", values: { max: 256 } });
  });
});
