// The builder's rows ⇄ the definition JSON (lib/audiences/definition.ts). Rows hold what the inputs show (text) and,
// for attribute values, the type the user chose (text, number, yes/no): "01234" as text stays the text "01234".
// The server's zod schema is the judge, and its errors come back keyed by `definition.criteria.N.field`.
import type { AudienceDefinition, Criterion, CriterionType, ValueType } from "@/lib/audiences/definition";

export type Row = {
  key: number;
  type: CriterionType;
  negate: boolean;
  match: "any" | "all";
  tags: string;
  attribute: string;
  op: "equals" | "in" | "range";
  valueType: ValueType;
  value: string;
  values: string;
  min: string;
  max: string;
  languages: string;
  states: string[];
  touchpointId: string;
  outcome: string;
  days: string;
  categories: string[];
  journeyId: string;
};

/** The kinds of criterion, in the order the builder offers them (named in `settings.audiences.builder.types`). */
export const CRITERION_TYPES: readonly CriterionType[] = [
  "tags",
  "attribute",
  "language",
  "consent",
  "interaction",
  "lastNps",
  "journey",
];

/**
 * A new row. `key` identifies it in the builder (React key, element ids): saved rows are keyed 1…n by position
 * (fromDefinition), the same on the server and in the browser; the builder numbers the rows it adds after them.
 */
export function emptyRow(type: CriterionType = "tags", key = 0): Row {
  return {
    key,
    type,
    negate: false,
    match: "any",
    tags: "",
    attribute: "",
    op: "equals",
    valueType: "text",
    value: "",
    values: "",
    min: "",
    max: "",
    languages: "",
    states: [],
    touchpointId: "",
    outcome: "",
    days: "30",
    categories: [],
    journeyId: "",
  };
}

const list = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * One value as the chosen type: text as typed (trimmed); a number when the text is one, else the text itself so the
 * server names the field ("Enter a number"); yes/no as a boolean.
 */
function typed(text: string, type: ValueType): string | number | boolean {
  const t = text.trim();
  if (type === "boolean") return t === "true" ? true : t === "false" ? false : t;
  if (type === "number") return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  return t;
}

const num = (text: string) => (text.trim() === "" ? undefined : Number(text));

/** What the server receives for one row (not yet validated: empty fields go as they are). */
export function toCriterion(r: Row): Record<string, unknown> {
  const negate = r.negate || undefined;
  switch (r.type) {
    case "tags":
      return { type: "tags", match: r.match, tags: list(r.tags), negate };
    case "attribute":
      return {
        type: "attribute",
        key: r.attribute,
        op: r.op,
        valueType: r.op === "range" ? "number" : r.valueType,
        ...(r.op === "equals" ? { value: r.value.trim() === "" ? undefined : typed(r.value, r.valueType) } : {}),
        ...(r.op === "in" ? { values: list(r.values).map((v) => typed(v, r.valueType)) } : {}),
        ...(r.op === "range" ? { min: num(r.min), max: num(r.max) } : {}),
        negate,
      };
    case "language":
      return { type: "language", languages: list(r.languages), negate };
    case "consent":
      return { type: "consent", states: r.states, negate };
    case "interaction":
      return {
        type: "interaction",
        touchpointId: r.touchpointId || undefined,
        outcome: r.outcome || undefined,
        days: r.days,
        negate,
      };
    case "lastNps":
      return { type: "lastNps", categories: r.categories, negate };
    case "journey":
      return { type: "journey", journeyId: r.journeyId, days: r.days.trim() === "" ? undefined : r.days, negate };
  }
}

export function toDefinition(rows: Row[]) {
  return { criteria: rows.map(toCriterion) };
}

/** The type of a saved value that names none (written through the API without `valueType`). */
const typeOf = (v: unknown): ValueType =>
  typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "text";

/** A saved definition back into rows (editing). */
export function fromDefinition(d: AudienceDefinition): Row[] {
  return d.criteria.map((c: Criterion, i) => {
    const r = { ...emptyRow(c.type, i + 1), negate: c.negate ?? false };
    switch (c.type) {
      case "tags":
        return { ...r, match: c.match, tags: c.tags.join(", ") };
      case "attribute":
        return {
          ...r,
          attribute: c.key,
          op: c.op,
          valueType: c.valueType ?? typeOf(c.value ?? c.values?.[0]),
          value: c.value === undefined ? "" : String(c.value),
          values: (c.values ?? []).map(String).join(", "),
          min: c.min === undefined ? "" : String(c.min),
          max: c.max === undefined ? "" : String(c.max),
        };
      case "language":
        return { ...r, languages: c.languages.join(", ") };
      case "consent":
        return { ...r, states: [...c.states] };
      case "interaction":
        return { ...r, touchpointId: c.touchpointId ?? "", outcome: c.outcome ?? "", days: String(c.days) };
      case "lastNps":
        return { ...r, categories: [...c.categories] };
      case "journey":
        return { ...r, journeyId: c.journeyId, days: c.days === undefined ? "" : String(c.days) };
    }
  });
}
