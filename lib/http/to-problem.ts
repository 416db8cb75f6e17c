// Any thrown value → an application/problem+json response. Deliberate errors (AppError, known database
// errors, zod) keep their status and message; anything else is logged with the request id and answered
// with a generic 500 that reveals nothing internal.
import { ZodError } from "zod";
import { AppError } from "../errors";
import { problemResponse } from "./problem";
import { invalidParamsFromZod } from "./zod-errors";
import { prismaErrorToAppError } from "./prisma-errors";

export function toProblem(error: unknown, requestId: string, instance: string): Response {
  const known = error instanceof AppError ? error : prismaErrorToAppError(error);
  if (known) {
    return problemResponse({
      ...(known.type ? { type: known.type } : {}),
      title: known.title,
      status: known.status,
      detail: known.message,
      instance,
      requestId,
      // without the forms' catalogue message (lib/errors.ts, InvalidParam): the API's reason is its English
      ...(known.invalidParams
        ? { invalid_params: known.invalidParams.map(({ name, reason, in: at }) => ({ name, reason, in: at })) }
        : {}),
    });
  }
  if (error instanceof ZodError) {
    return problemResponse({
      title: "Invalid request",
      status: 400,
      detail: "The request has invalid fields.",
      instance,
      requestId,
      invalid_params: invalidParamsFromZod(error),
    });
  }
  console.error(
    JSON.stringify({
      level: "error",
      requestId,
      path: instance,
      error: error instanceof Error ? error.stack : String(error),
    }),
  );
  return problemResponse({
    title: "Internal server error",
    status: 500,
    detail: "Something went wrong on our side. Quote the request id if you contact support.",
    instance,
    requestId,
  });
}
