// What the hosted survey page's submit returns to the browser: plain, serializable, already in the
// respondent's language. Deliberate errors become messages (next to each field for invalid answers);
// anything unexpected is logged and answered with a generic message.
import { AppError, NotFoundError } from "../errors";
import { RateLimitedError } from "../rate-limit/service";
import { AnswersInvalidError, ResponseCompletedError, ResumeTokenRequiredError, SurveyClosedError } from "./errors";
import { issueMessage, uiText } from "./ui-text";

export type SurveyFormResult =
  | { ok: true; completed: boolean; resumeToken?: string }
  // "restart": this tab's clientId belongs to a response it holds no resume token for: start a new one.
  | {
      ok: false;
      reason: "invalid" | "completed" | "closed" | "rate_limited" | "restart" | "error";
      message: string;
      fieldErrors: Record<string, string>;
    };

export function formResultFromError(error: unknown, locale: string): SurveyFormResult & { ok: false } {
  const t = uiText(locale);
  if (error instanceof AnswersInvalidError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) if (issue.key !== null) fieldErrors[issue.key] ??= issueMessage(t, issue.code);
    const whole = error.issues.find((i) => i.key === null);
    return { ok: false, reason: "invalid", message: whole ? t.issues.empty : t.errorSummary, fieldErrors };
  }
  if (error instanceof ResumeTokenRequiredError)
    return { ok: false, reason: "restart", message: t.genericError, fieldErrors: {} };
  if (error instanceof ResponseCompletedError)
    return { ok: false, reason: "completed", message: t.alreadyDone, fieldErrors: {} };
  if (error instanceof SurveyClosedError || error instanceof NotFoundError)
    return { ok: false, reason: "closed", message: t.closedTitle, fieldErrors: {} };
  if (error instanceof RateLimitedError)
    return { ok: false, reason: "rate_limited", message: t.rateLimited, fieldErrors: {} };
  if (!(error instanceof AppError))
    console.error(
      JSON.stringify({
        level: "error",
        path: "/s/[publicId]",
        error: error instanceof Error ? error.stack : String(error),
      }),
    );
  return { ok: false, reason: "error", message: t.genericError, fieldErrors: {} };
}
