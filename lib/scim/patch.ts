// PATCH requests (RFC 7644 §3.5.2): `{ schemas: [PatchOp], Operations: [{ op, path?, value? }] }`. Identity
// providers differ in shape: Entra ID capitalises ops and sends booleans as strings
// (`{"op":"Replace","path":"active","value":"False"}`), Okta sends the attributes as the value without a path
// (`{"op":"replace","value":{"active":false}}`). Both become a list of (op, attribute, value) steps here;
// users.ts and groups.ts apply them to their own attributes.
import { parse, type Filter } from "scim2-parse-filter";
import { ScimError, invalidValue } from "./errors";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type PatchStep = {
  op: "add" | "remove" | "replace";
  /** Lower-cased attribute path without the schema URN ("active", "name.givenname", "members"), or "" for the whole resource. */
  attr: string;
  /** For a path like `members[value eq "x"]`: the values the filter names. */
  filterValues?: string[];
  value: unknown;
};

const URN_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

function valuesOf(filter: Filter): string[] {
  if (filter.op === "eq") {
    const c = filter as { attrPath: string; compValue: unknown };
    if (c.attrPath.toLowerCase() === "value" && typeof c.compValue === "string") return [c.compValue];
  }
  if (filter.op === "or") return (filter as { filters: Filter[] }).filters.flatMap(valuesOf);
  throw new ScimError(400, 'Only value filters like members[value eq "…"] are supported in a path.', "invalidPath");
}

function parsePath(path: string): Pick<PatchStep, "attr" | "filterValues"> {
  const p = path.trim().replace(URN_PREFIX, "");
  const bracket = p.match(/^([A-Za-z][\w.$-]*)\[(.+)\](?:\.([A-Za-z][\w$-]*))?$/);
  if (!bracket) {
    if (!/^[A-Za-z][\w.$:-]*$/.test(p))
      throw new ScimError(400, `The path "${path.slice(0, 100)}" is not valid.`, "invalidPath");
    return { attr: p.toLowerCase() };
  }
  const [, attr, filterText, sub] = bracket;
  let filter: Filter;
  try {
    filter = parse(filterText);
  } catch {
    throw new ScimError(400, `The path "${path.slice(0, 100)}" is not valid.`, "invalidPath");
  }
  // emails[type eq "work"].value: an attribute of one value of a multi-valued attribute, kept by name only.
  if (sub) return { attr: `${attr}.${sub}`.toLowerCase() };
  return { attr: attr.toLowerCase(), filterValues: valuesOf(filter) };
}

export function patchSteps(body: unknown): PatchStep[] {
  const b = body as { schemas?: unknown; Operations?: unknown; operations?: unknown };
  const ops = b.Operations ?? b.operations;
  if (!Array.isArray(ops) || ops.length === 0)
    throw new ScimError(400, "A PATCH needs a non-empty Operations list.", "invalidSyntax");
  if (ops.length > 1000) throw new ScimError(400, "Too many operations in one PATCH.", "tooMany");
  const steps: PatchStep[] = [];
  for (const raw of ops) {
    const o = raw as { op?: unknown; path?: unknown; value?: unknown };
    const op = typeof o?.op === "string" ? o.op.toLowerCase() : "";
    if (op !== "add" && op !== "remove" && op !== "replace")
      throw new ScimError(
        400,
        `Unknown operation "${String(o?.op).slice(0, 40)}"; use add, remove or replace.`,
        "invalidSyntax",
      );
    if (o.path !== undefined && typeof o.path !== "string")
      throw new ScimError(400, "path must be a string.", "invalidPath");
    if (typeof o.path === "string" && o.path.trim() !== "") {
      steps.push({ op, ...parsePath(o.path), value: o.value });
      continue;
    }
    if (op === "remove") throw new ScimError(400, "A remove operation needs a path.", "noTarget");
    if (!o.value || typeof o.value !== "object" || Array.isArray(o.value))
      throw invalidValue("Without a path, value must be an object of attributes.");
    // { "active": false, "name.givenName": "Ann", "name": { … } }: one step per attribute.
    for (const [key, value] of Object.entries(o.value as Record<string, unknown>)) {
      steps.push({ op, attr: key.replace(URN_PREFIX, "").toLowerCase(), value });
    }
  }
  return steps;
}

/** SCIM booleans as identity providers send them: true/false, or "True"/"False" (Entra ID). */
export function scimBoolean(value: unknown, attr: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw invalidValue(`${attr} must be true or false.`);
}

export function optionalString(value: unknown, attr: string, max = 320): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw invalidValue(`${attr} must be a string.`);
  if (value.includes("\u0000")) throw invalidValue(`${attr} must not contain the NUL character.`);
  const v = value.trim();
  if (v.length > max) throw invalidValue(`${attr} is longer than ${max} characters.`);
  return v === "" ? null : v;
}
