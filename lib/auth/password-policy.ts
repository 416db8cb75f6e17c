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
import { ValidationError } from "../errors";
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

// Built on first use: the dictionaries take a few hundred milliseconds and some megabytes to load.
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  return (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
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

/** Why `password` is refused, in words for the field, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = passwordField.safeParse(password);
  if (!length.success) return length.error.issues[0].message;
  const result = zxcvbn().check(password, contextWords(context));
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const why = result.feedback.warning ? ` ${result.feedback.warning}` : "";
  return `Too easy to guess: add another word or two that are not about you or your organization.${why}`;
}

/** Throws a 400 naming `field` when the policy refuses `password`; otherwise returns its hash to store. */
export async function hashNewPassword(password: string, context: PasswordContext, field = "password"): Promise<string> {
  const problem = passwordProblem(password, context);
  if (problem) throw new ValidationError([{ name: field, reason: problem }]);
  return hashPassword(password);
}
