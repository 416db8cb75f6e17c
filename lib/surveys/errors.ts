// Errors of the public survey API; the route wrapper turns them into problem+json like any AppError, and
// the hosted survey page turns them into messages for the respondent.
import { AppError, ConflictError, ValidationError } from "../errors";
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
    super(
      issues.map((i) => ({ name: i.name, reason: i.reason, in: "body" as const })),
      "Some answers are invalid.",
    );
  }
}

/** 409: the response with this clientId is complete, and the new submit would change it. */
export class ResponseCompletedError extends ConflictError {
  constructor() {
    super("This response is already complete and can no longer be changed.");
  }
}

export const RESUME_TOKEN_REQUIRED = "urn:resonance:problem:resume-token-required"; // embed/core.ts has the same

/**
 * 409: a response with this clientId exists and the submit did not present its resume token (or a wrong
 * one). Identical whether that response is partial or complete, and whatever its answers: it reveals nothing
 * and changes nothing. Clients recognise it by its type and start over with a new clientId.
 */
export class ResumeTokenRequiredError extends ConflictError {
  readonly type = RESUME_TOKEN_REQUIRED;
  constructor() {
    super(
      "A response with this clientId exists. To continue it, send the resumeToken its first submit returned; otherwise use a new clientId.",
    );
  }
}

/** 400 naming a context field (channel, touchpointId) that the survey's organization does not have. */
export class UnknownContextError extends ValidationError {
  constructor(fields: Array<"channel" | "touchpointId">) {
    super(
      fields.map((name) => ({
        name,
        reason:
          name === "channel"
            ? "Not a channel of this survey's organization"
            : "Not a touchpoint of this survey's organization",
        in: "body" as const,
      })),
      "Unknown channel or touchpoint.",
    );
  }
}
