// Errors that services throw on purpose. They know nothing of HTTP but their status: the route wrapper
// (lib/http/handler.ts, through lib/http/to-problem.ts) turns each into an RFC 9457 application/problem+json
// response, server actions (lib/auth/action.ts) into a form message; anything else becomes a generic 500.

/**
 * `message`: the same reason as a catalogue message (messages/<locale>/<area>.json, its full key and values), for
 * the forms to show it in the page's language (lib/i18n/action-errors.ts). The API never sends it: its `reason`
 * is English by design (docs/i18n.md, "Errors").
 */
export type InvalidParam = {
  name: string;
  reason: string;
  in?: "body" | "query" | "path";
  message?: { key: string; values?: Record<string, string | number> };
};

export class AppError extends Error {
  /** A problem type URI when clients must tell this error from others of its status (default about:blank). */
  declare readonly type?: string;
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(invalidParams: InvalidParam[], message = "The request has invalid fields.") {
    super(400, "Invalid request", message, invalidParams);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in or send a valid API key.") {
    super(401, "Unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this action.") {
    super(403, "Forbidden", message);
  }
}

/** An API key on a route that manages access (docs/security/api-keys.md): only a signed-in admin may. */
export class KeyCannotManageAccessError extends ForbiddenError {
  constructor() {
    super("API keys cannot manage access (API keys, invites, members, single sign-on): an admin does this signed in.");
  }
}

export class NotFoundError extends AppError {
  constructor(entity = "Record") {
    super(404, "Not found", `${entity} not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, "Conflict", message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message = "Too many requests; try again later.", invalidParams?: InvalidParam[]) {
    super(429, "Too many requests", message, invalidParams);
  }
}
