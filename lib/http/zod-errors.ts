// zod issues → invalid_params entries that name each bad field by its path ("stages.0.name").
import type { ZodError } from "zod";
import type { InvalidParam } from "../errors";

export function invalidParamsFromZod(error: ZodError, location?: "body" | "query" | "path"): InvalidParam[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const name = path || location || "body";
    return { name, reason: issue.message, ...(location ? { in: location } : {}) };
  });
}
