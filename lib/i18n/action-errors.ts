// Server actions answer in the page's language. toActionFailure (lib/auth/action.ts) builds the English result;
// for another language this rewrites what can be rewritten without knowing the form: each field error of a zod
// issue by its code ("Required", "Enter at most 120 characters", "Not a valid e-mail address"), the summary
// line, the role refusal and the generic failure; and a service's field error that carries its catalogue message
// (lib/errors.ts, InvalidParam `message`: the quiet-hours refusal of a send window). A service's other AppError
// messages stay as thrown (English) until that service gives them keys — docs/i18n.md, "Errors". The REST API's
// problem+json is always English.
import { ZodError } from "zod";
import { createTranslator } from "next-intl";
import type { ActionResult, FieldErrors } from "../auth/action";
import { AppError, ForbiddenError, ValidationError } from "../errors";
import type { AppLocale } from "./config";
import { messagesFor } from "./catalogues";
import { fieldIssueMessage } from "./field-issue";

type Failure = ActionResult<never> & { ok: false };

/** The English failure of `error` (from toActionFailure) in `locale`. */
export function localizeFailure(failure: Failure, error: unknown, locale: AppLocale): Failure {
  if (locale === "en") return failure;
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors" });
  if (error instanceof ZodError) {
    const tf = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors.field" });
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues)
      fieldErrors[issue.path.map(String).join(".") || "form"] ??= fieldIssueMessage(tf, issue);
    return { ok: false, message: t("action.correctFields"), fieldErrors };
  }
  if (error instanceof ValidationError && error.invalidParams?.some((p) => p.message))
    return { ...failure, message: t("action.correctFields"), fieldErrors: withMessages(failure, error, locale) };
  if (failure.message === new ForbiddenError().message) return { ...failure, message: t("action.forbidden") };
  if (failure.message === GENERIC_MESSAGE) return { ...failure, message: t("generic") };
  return failure;
}

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";

/** The field errors of `failure` with each service reason that names its catalogue message worded in `locale`. */
function withMessages(failure: Failure, error: AppError, locale: AppLocale): FieldErrors | undefined {
  if (!failure.fieldErrors) return failure.fieldErrors;
  const root = createTranslator({ locale, messages: messagesFor(locale) });
  const out: FieldErrors = { ...failure.fieldErrors };
  for (const p of error.invalidParams ?? [])
    if (p.message && out[p.name] === p.reason)
      out[p.name] = root(p.message.key as Parameters<typeof root>[0], p.message.values);
  return out;
}
