// Server actions answer in the page's language. toActionFailure (lib/auth/action.ts) builds the English result;
// for another language this rewrites what can be rewritten without knowing the form: each field error of a zod
// issue by its code ("Required", "Enter at most 120 characters", "Not a valid e-mail address"), the summary
// line, the role refusal and the generic failure. A service's own AppError messages stay as thrown (English) until
// that service gives them keys — docs/i18n.md, "Errors". The REST API's problem+json is always English.
import { ZodError } from "zod";
import { createTranslator } from "next-intl";
import type { ActionResult, FieldErrors } from "../auth/action";
import { ForbiddenError } from "../errors";
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
  if (failure.message === new ForbiddenError().message) return { ...failure, message: t("action.forbidden") };
  if (failure.message === GENERIC_MESSAGE) return { ...failure, message: t("generic") };
  return failure;
}

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";
