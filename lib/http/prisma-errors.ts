// Database errors that mean something to the caller. Everything else stays a 500.
import { AppError, ConflictError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../db-errors";

function code(error: unknown): string | undefined {
  const e = error as { code?: unknown; name?: unknown };
  return typeof e?.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : undefined;
}

export function prismaErrorToAppError(error: unknown): AppError | null {
  if (isUniqueViolation(error)) return new ConflictError("A record with the same unique value already exists.");
  if (code(error) === "P2025") return new NotFoundError();
  return null;
}
