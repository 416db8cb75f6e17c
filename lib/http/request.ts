// Reading a request, shared by the authenticated wrapper (handler.ts) and the public one (public-handler.ts):
// zod parsing with named invalid params, a size-limited JSON body, the query string, the caller's origin.
import type { ZodType } from "zod";
import { AppError, ValidationError } from "../errors";
import { invalidParamsFromZod } from "./zod-errors";

/**
 * What the wrappers read of a request. A Web (Next.js) Request is one; so is the fast ingestion server's
 * light view of a Node.js request (server/fast-routes.ts), which thereby runs the very same route code.
 */
export type ApiRequest = {
  method: string;
  /** Absolute URL. */
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};

/** JSON bodies beyond this are refused: no honest request to this API is anywhere near it. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** PostgreSQL text cannot hold U+0000 (the write would fail with a 500), so no input may carry it, on either database. */
export const NUL_REASON = "Must not contain the NUL character (U+0000)";

/** Dotted paths of the strings (values or keys) in a parsed input that contain U+0000. */
export function nulPaths(value: unknown, at: string[] = [], out: string[] = [], depth = 0): string[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push(at.join("."));
  } else if (value && typeof value === "object" && depth < 64) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) out.push([...at, k.replaceAll("\u0000", "\\0")].join("."));
      else nulPaths(v, [...at, k], out, depth + 1);
    }
  }
  return out;
}

export function parse<S extends ZodType>(schema: S | undefined, value: unknown, location: "body" | "query" | "path") {
  if (!schema) return undefined;
  const nul = nulPaths(value);
  if (nul.length)
    throw new ValidationError(nul.map((name) => ({ name: name || location, reason: NUL_REASON, in: location })));
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(invalidParamsFromZod(result.error, location));
  return result.data;
}

export const payloadTooLarge = () => new AppError(413, "Payload too large", "The request body is too large.");

export async function readJson(req: ApiRequest): Promise<unknown> {
  const tooLarge = payloadTooLarge;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (text.length > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(
      [{ name: "body", reason: "Request body is not valid JSON", in: "body" }],
      "Malformed JSON body.",
    );
  }
}

export function queryObject(req: ApiRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const params = new URL(req.url).searchParams;
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The request's Origin when it comes from another site, else null ("null" and garbage count as foreign). */
export function foreignOrigin(req: ApiRequest): string | null {
  const origin = req.headers.get("origin");
  if (!origin) return null;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host ? null : origin;
  } catch {
    return origin;
  }
}
