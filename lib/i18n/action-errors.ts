// Server actions answer in the page's language. toActionFailure (lib/auth/action.ts) builds the English result;
// for another language this rewrites what can be rewritten without knowing the form: each field error of a zod
// issue by the schema's own sentence when service-reasons.ts words it ("Enter the value"), else by its code
// ("Required", "Enter at most 120 characters", "Not a valid e-mail address"), the summary
// line, the role refusal and the generic failure; and a service's field error that carries its catalogue message
// (lib/errors.ts, InvalidParam `message`: the quiet-hours refusal of a send window); and every other text a
// service throws — the summary and each field error — that service-reasons.ts knows (the English is the message
// id, `errors.service`); an unknown one stays as thrown. docs/i18n.md, "Errors". The REST API's problem+json is
// always English.
import { ZodError } from "zod";
import { createTranslator } from "next-intl";
import type { ActionResult, FieldErrors } from "../auth/action";
import { AppError, ForbiddenError, ValidationError } from "../errors";
import type { AppLocale } from "./config";
import { messagesFor } from "./catalogues";
import { issueWording } from "./field-issue";
import { translateServiceReason, type ServiceReasonT } from "./service-reasons";

type Failure = ActionResult<never> & { ok: false };

/** The English failure of `error` (from toActionFailure) in `locale`. */
export function localizeFailure(failure: Failure, error: unknown, locale: AppLocale): Failure {
  if (locale === "en") return failure;
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors" });
  if (error instanceof ZodError) {
    const tf = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors.field" });
    const ts = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors.service" });
    const word = issueWording(tf, ts as unknown as ServiceReasonT);
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues) fieldErrors[issue.path.map(String).join(".") || "form"] ??= word(issue);
    return { ok: false, message: t("action.correctFields"), fieldErrors };
  }
  if (failure.message === new ForbiddenError().message) return { ...failure, message: t("action.forbidden") };
  if (failure.message === GENERIC_MESSAGE) return { ...failure, message: t("generic") };
  const ts = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors.service" });
  const service = ts as unknown as ServiceReasonT;
  const withKeys = error instanceof ValidationError && error.invalidParams?.some((p) => p.message);
  const fields = withKeys ? withMessages(failure, error, locale) : failure.fieldErrors;
  const fieldErrors = fields && mapValues(fields, (reason) => translateServiceReason(service, reason));
  // A form marks its fields: the summary says so, unless the service words it (ValidationError's second argument)
  const message =
    fieldErrors &&
    (withKeys || failure.message === new ValidationError([]).message || failure.message === CORRECT_FIELDS)
      ? t("action.correctFields")
      : translateServiceReason(service, failure.message);
  return fieldErrors ? { ...failure, message, fieldErrors } : { ...failure, message };
}

const mapValues = (o: FieldErrors, f: (v: string) => string): FieldErrors =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";
/** The English of errors.action.correctFields: a form's summary (toActionFailure, the case settings' actions). */
const CORRECT_FIELDS = "Please correct the highlighted fields.";

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
