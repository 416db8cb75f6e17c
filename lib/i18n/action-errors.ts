// Server actions answer in the page's language. toActionFailure (lib/auth/action.ts) builds the English result;
// for another language this rewrites what can be rewritten without knowing the form: each field error of a zod
// issue by its code ("Required", "Enter at most 120 characters", "Not a valid e-mail address"), the summary
// line, the role refusal and the generic failure. A service's own AppError messages stay as thrown (English) until
// that service gives them keys — docs/i18n.md, "Errors". The REST API's problem+json is always English.
import { ZodError, type z } from "zod";
import { createTranslator } from "next-intl";
import type { ActionResult, FieldErrors } from "../auth/action";
import { ForbiddenError } from "../errors";
import type { AppLocale } from "./config";
import { messagesFor } from "./catalogues";

type Failure = ActionResult<never> & { ok: false };
type ErrorsT = ReturnType<typeof createTranslator<ReturnType<typeof messagesFor>, "errors">>;

function issueMessage(t: ErrorsT, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? t("field.required") : t("field.tooShort", { min });
      if (issue.origin === "number" || issue.origin === "int") return t("field.tooSmall", { min });
      return t("field.required");
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return t("field.tooLong", { max });
      if (issue.origin === "number" || issue.origin === "int") return t("field.tooBig", { max });
      return t("field.invalid");
    }
    case "invalid_format":
      if (issue.format === "email") return t("field.email");
      if (issue.format === "url") return t("field.url");
      if (issue.format === "date" || issue.format === "datetime") return t("field.date");
      return t("field.invalid");
    case "invalid_type":
      if (issue.input === undefined || issue.input === "") return t("field.required");
      if (issue.expected === "number" || issue.expected === "int") return t("field.number");
      if (issue.expected === "date") return t("field.date");
      return t("field.invalid");
    case "invalid_value":
      return t("field.choice");
    default:
      return t("field.invalid");
  }
}

/** The English failure of `error` (from toActionFailure) in `locale`. */
export function localizeFailure(failure: Failure, error: unknown, locale: AppLocale): Failure {
  if (locale === "en") return failure;
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors" });
  if (error instanceof ZodError) {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues)
      fieldErrors[issue.path.map(String).join(".") || "form"] ??= issueMessage(t, issue);
    return { ok: false, message: t("action.correctFields"), fieldErrors };
  }
  if (failure.message === new ForbiddenError().message) return { ...failure, message: t("action.forbidden") };
  if (failure.message === GENERIC_MESSAGE) return { ...failure, message: t("generic") };
  return failure;
}

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";
