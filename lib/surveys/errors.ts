// Errors of the public survey API; the route wrapper turns them into problem+json like any AppError, and
// the hosted survey page turns them into messages for the respondent.
import { AppError, ConflictError, ValidationError } from "../http/errors";
import type { AnswerIssue } from "./answers";

/**
 * 410 Gone: the survey existed and was public, but no longer takes answers. Unlike a draft (404, as if it
 * did not exist), a closed survey's link has been handed out, so saying "closed" leaks nothing and lets a
 * late respondent see a friendly message instead of "not found".
 */
export class SurveyClosedError extends AppError {
  constructor() {
    super(410, "Gone", "This survey has closed and no longer takes responses.");
  }
}

/** 400 naming each refused answer as answers.<key>; keeps the issue codes for localized form messages. */
export class AnswersInvalidError extends ValidationError {
  constructor(readonly issues: AnswerIssue[]) {
    super(issues.map((i) => ({ name: i.name, reason: i.reason, in: "body" as const })), "Some answers are invalid.");
  }
}

/** 409: the response with this clientId is complete, and the new submit would change it. */
export class ResponseCompletedError extends ConflictError {
  constructor() {
    super("This response is already complete and can no longer be changed.");
  }
}
