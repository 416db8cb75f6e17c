// A JSON Schema (as z.toJSONSchema writes it) flattened into readable rows for the API reference page
// — one row per field, nested objects and array items as dotted paths (stages[].name) — and a minimal
// example value built from the required fields, for the curl samples.
import type { JsonSchema } from "./document";

export type FieldRow = { name: string; type: string; required: boolean; rules: string[]; description?: string };

const MAX_DEPTH = 6;

function variants(s: JsonSchema): JsonSchema[] {
  const list = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  return list?.length ? list : [s];
}

export function typeLabel(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in s) return JSON.stringify(s.const);
  const alts = variants(s);
  if (alts.length > 1) return [...new Set(alts.map(typeLabel))].join(" | ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type as string | undefined);
  if (type === "array") return `array of ${typeLabel((s.items as JsonSchema | undefined) ?? {})}`;
  if (type === "string" && s.format) return `string (${s.format})`;
  return type ?? "any";
}

export function rulesOf(s: JsonSchema): string[] {
  const r: string[] = [];
  const add = (key: string, label: string) => s[key] !== undefined && r.push(`${label} ${JSON.stringify(s[key])}`);
  add("minLength", "min length");
  add("maxLength", "max length");
  add("minimum", "≥");
  add("exclusiveMinimum", ">");
  add("maximum", "≤");
  add("exclusiveMaximum", "<");
  add("minItems", "min items");
  add("maxItems", "max items");
  if (typeof s.pattern === "string") r.push(`pattern ${s.pattern}`);
  add("default", "default");
  if (s.additionalProperties === false) r.push("no other fields");
  return r;
}

/** The object (or array of objects) a schema describes, among its union variants; null for scalars. */
function objectPart(s: JsonSchema): { props: Record<string, JsonSchema>; required: string[] } | null {
  for (const v of variants(s)) {
    if (v.properties)
      return { props: v.properties as Record<string, JsonSchema>, required: (v.required as string[]) ?? [] };
  }
  return null;
}

export function fieldRows(schema: JsonSchema, prefix = "", depth = 0): FieldRow[] {
  const obj = objectPart(schema);
  if (!obj || depth > MAX_DEPTH) return [];
  return Object.entries(obj.props).flatMap(([key, s]) => {
    const name = prefix + key;
    const row: FieldRow = {
      name,
      type: typeLabel(s),
      required: obj.required.includes(key),
      rules: rulesOf(s),
      ...(typeof s.description === "string" ? { description: s.description } : {}),
    };
    const items = variants(s).find((v) => v.type === "array")?.items as JsonSchema | undefined;
    const nested = items ? fieldRows(items, `${name}[].`, depth + 1) : fieldRows(s, `${name}.`, depth + 1);
    return [row, ...nested];
  });
}

/** A small valid-looking value: required fields only, enums take their first value. */
export function exampleOf(s: JsonSchema, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ("const" in s) return s.const;
  const v = variants(s)[0];
  const obj = objectPart(v);
  if (obj) return Object.fromEntries(obj.required.map((k) => [k, exampleOf(obj.props[k], depth + 1)]));
  switch (Array.isArray(v.type) ? v.type[0] : v.type) {
    case "string": {
      if (v.format === "email") return "ada@example.com";
      if (v.format === "date-time") return "2026-01-31T12:00:00Z";
      if (v.format === "uri") return "https://example.com/";
      return "example".padEnd((v.minLength as number | undefined) ?? 0, "-");
    }
    case "integer":
    case "number":
      return (v.minimum as number | undefined) ?? 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "null":
      return null;
    default:
      return {}; // no JSON Schema form (a custom check): an object is the usual shape
  }
}
