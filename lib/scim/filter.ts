// SCIM filters (RFC 7644 §3.4.2.2) → a database condition. Parsing is scim2-parse-filter's; what we answer is
// deliberately small: `eq` on the attributes identity providers look resources up by, combined with `and`/`or`
// (and `emails[value eq "…"]`). Anything else is a 400 invalidFilter naming what is supported, never a
// silently unfiltered list (an IdP that believes "no match" creates a duplicate).
import { parse, type Filter } from "scim2-parse-filter";
import { ScimError } from "./errors";

export type CompValue = boolean | null | number | string;
/** Lower-cased attribute path → the condition for `attr eq value`. */
export type FilterAttributes<W> = Record<string, (value: CompValue) => W>;

const URN_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

function invalid(detail: string): ScimError {
  return new ScimError(400, detail, "invalidFilter");
}

function build<W>(f: Filter, attrs: FilterAttributes<W>, prefix = ""): W | { AND: W[] } | { OR: W[] } {
  switch (f.op) {
    case "and":
    case "or": {
      const parts = (f as { filters: Filter[] }).filters.map((x) => build(x, attrs, prefix)) as W[];
      return f.op === "and" ? { AND: parts } : { OR: parts };
    }
    case "[]": {
      const vp = f as { attrPath: string; valFilter: Filter };
      return build(vp.valFilter, attrs, `${vp.attrPath}.`);
    }
    case "eq": {
      const c = f as { attrPath: string; compValue: CompValue };
      const path = `${prefix}${c.attrPath}`.replace(URN_PREFIX, "").toLowerCase();
      const attr = attrs[path];
      if (!attr) throw invalid(`Filtering on "${path}" is not supported; use ${Object.keys(attrs).join(", ")}.`);
      return attr(c.compValue);
    }
    default:
      throw invalid(`The operator "${f.op}" is not supported; use eq, and, or.`);
  }
}

/** The condition for a `filter` query parameter; undefined when there is none. */
export function filterToWhere<W>(
  query: string | undefined,
  attrs: FilterAttributes<W>,
): W | { AND: W[] } | { OR: W[] } | undefined {
  if (query === undefined || query.trim() === "") return undefined;
  if (query.length > 2000) throw invalid("The filter is too long.");
  let ast: Filter;
  try {
    ast = parse(query);
  } catch {
    throw invalid(`The filter could not be parsed: ${query.slice(0, 200)}`);
  }
  return build(ast, attrs);
}

export const stringValue = (v: CompValue, attr: string): string => {
  if (typeof v !== "string") throw invalid(`${attr} is compared with a string.`);
  return v;
};

export const booleanValue = (v: CompValue, attr: string): boolean => {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  throw invalid(`${attr} is compared with true or false.`);
};

/** startIndex (1-based) and count of a list request, clamped as RFC 7644 §3.4.2.4 says. */
export function pageOf(query: URLSearchParams, maxResults: number): { startIndex: number; count: number } {
  const start = Number.parseInt(query.get("startIndex") ?? "1", 10);
  const count = Number.parseInt(query.get("count") ?? String(maxResults), 10);
  return {
    startIndex: Number.isFinite(start) && start >= 1 ? start : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), maxResults) : maxResults,
  };
}
