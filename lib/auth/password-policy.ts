// The one password policy, for every place that sets a password (invite account creation, first-run setup,
// change and reset): at least 12 characters, at most 256, and hard to guess by zxcvbn's estimate — common
// passwords, dictionary words, keyboard walks, repeats, dates, and the person's own e-mail, name and
// organization name all count as easy. Rules and reasons: docs/identity/passwords-and-throttling.md.
//
// `passwordField` (password-rules.ts) checks the length only (cheap; forms and zod schemas).
// `passwordProblem` is the full check; `hashNewPassword` runs it and hashes, so a caller cannot store a
// password the policy refuses.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import type { TranslationKeys } from "@zxcvbn-ts/core";
import { ValidationError, type InvalidParam } from "../errors";
import { fieldIssueParamMessage } from "../i18n/field-issue";
import { hashPassword } from "./password";
import { passwordField } from "./password-rules";

export { PASSWORD_HINT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordField } from "./password-rules";

/** zxcvbn score 3: about 10^8 guesses or more ("safely unguessable" for an online or slow-hash attack). */
export const PASSWORD_MIN_SCORE = 3;

/** What the person setting the password is known by: these words make a password easy to guess. */
export type PasswordContext = {
  email?: string | null;
  name?: string | null;
  orgName?: string | null;
  other?: Array<string | null | undefined>;
};

export type PasswordWarning = keyof TranslationKeys["warnings"];

/** Each text of a group as its own key: zxcvbn's feedback then names its warning (`straightRow`), not an English text. */
const asKeys = <T extends object>(o: T) => Object.fromEntries(Object.keys(o).map((k) => [k, k])) as T;

// Built on first use: the dictionaries take a few hundred milliseconds and some megabytes to load. The
// translations are zxcvbn's keys: the English reason is worded from en.translations below, another language's from
// the catalogue (errors.password.tooEasy), so one check serves both.
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  return (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: {
      warnings: asKeys(en.translations.warnings),
      suggestions: asKeys(en.translations.suggestions),
      timeEstimation: en.translations.timeEstimation,
    },
    // Levenshtein matching costs 5–20× the time per check for little gain over l33t and reversed words.
    useLevenshteinDistance: false,
  }));
}

/** Every user of an installation knows its name. */
const PRODUCT_NAME = "resonance";

/** The context as zxcvbn's user inputs: whole values, their words run together, and each word (of an e-mail too). */
export function contextWords(context: PasswordContext): string[] {
  const values = [PRODUCT_NAME, context.email, context.name, context.orgName, ...(context.other ?? [])].filter(
    (v): v is string => Boolean(v?.trim()),
  );
  const words = new Set<string>();
  for (const value of values) {
    const lower = value.trim().toLowerCase();
    const parts = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    words.add(lower);
    words.add(parts.join("")); // "Ada Lovelace" is also typed "adalovelace"
    for (const part of parts) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why `password` is refused, or null when it is acceptable: `reason` in English (the API's, and the forms' in
 * English), `message` the same as a catalogue message for the forms in another language (lib/errors.ts
 * InvalidParam): the length rule by its zod issue (errors.field), "too easy" with zxcvbn's warning by its key.
 */
export function passwordRefusal(
  password: string,
  context: PasswordContext = {},
): Required<Pick<InvalidParam, "reason" | "message">> | null {
  const length = passwordField.safeParse(password);
  if (!length.success) {
    const issue = length.error.issues[0];
    return { reason: issue.message, message: fieldIssueParamMessage(issue) };
  }
  const result = zxcvbn().check(password, contextWords(context));
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const warning = result.feedback.warning as PasswordWarning | null;
  return {
    reason: tooEasyReason(warning),
    message: { key: "errors.password.tooEasy", values: { warning: warning || "none" } },
  };
}

/** The English of "too easy", with zxcvbn's English warning when it has one. */
export function tooEasyReason(warning: PasswordWarning | null): string {
  const why = warning ? ` ${en.translations.warnings[warning]}` : "";
  return `Too easy to guess: add another word or two that are not about you or your organization.${why}`;
}

/** Why `password` is refused, in English words for the field, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  return passwordRefusal(password, context)?.reason ?? null;
}

/** Throws a 400 naming `field` when the policy refuses `password`; otherwise returns its hash to store. */
export async function hashNewPassword(password: string, context: PasswordContext, field = "password"): Promise<string> {
  const refusal = passwordRefusal(password, context);
  if (refusal) throw new ValidationError([{ name: field, ...refusal }]);
  return hashPassword(password);
}
