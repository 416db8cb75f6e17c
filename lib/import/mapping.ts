// Column mapping for CSV imports: which CSV header feeds which field of the kind being imported (customers,
// interactions, …; each kind describes its fields with a MappingSpec). Shared by the API (query parameter
// `mapping`, JSON) and the import screen. Pure code, no I/O.
import { z } from "zod";
import { ValidationError, type InvalidParam } from "../errors";

export const CUSTOMER_FIELDS = ["externalId", "name", "email", "phone", "tags", "consent", "unit"] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
/** A mapping target: a field of the kind being imported, `attributes.<key>` (customers), or "ignore". */
export type MappingTarget = CustomerField | `attributes.${string}` | "ignore" | (string & {});
export type Mapping = Record<string, MappingTarget>;

export const FIELD_LABELS: Record<CustomerField, string> = {
  externalId: "External id",
  name: "Name",
  email: "E-mail",
  phone: "Phone",
  tags: "Tags",
  consent: "Consent",
  unit: "Home unit (code)",
};

export const IMPORT_MODES = ["all_or_nothing", "skip_bad_rows"] as const;
export const ON_EXISTING = ["skip", "update"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type OnExisting = (typeof ON_EXISTING)[number];

export const importQuery = z.object({
  mode: z.enum(IMPORT_MODES).default("all_or_nothing"),
  onExisting: z.enum(ON_EXISTING).default("skip"),
  mapping: z.string().max(20_000).optional(),
});
export type ImportQuery = z.infer<typeof importQuery>;

const ATTRIBUTE_KEY = /^attributes\.(.{1,100})$/s;

export function attributeKeyOf(target: string): string | null {
  const m = ATTRIBUTE_KEY.exec(target);
  return m ? m[1] : null;
}

/** What a kind's CSV columns can feed: its fields, their labels, header spellings, the required ones. */
export type MappingSpec = {
  fields: readonly string[];
  labels: Record<string, string>;
  /** Header spellings, compared without case, spaces or punctuation. */
  synonyms: Record<string, string[]>;
  required: readonly string[];
  /** Whether unknown columns become `attributes.<column>` (customers) or are ignored. */
  attributes: boolean;
  /** Why a required field must be mapped, e.g. "every customer needs one". */
  requiredWhy: string;
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
// Header spellings seen in CRM and spreadsheet exports, compared without case, spaces or punctuation.
const SYNONYMS: Record<CustomerField, string[]> = {
  externalId: ["externalid", "extid", "customerid", "crmid", "clientid", "customernumber", "accountid", "id"],
  name: ["name", "fullname", "customername", "customer", "contactname", "displayname"],
  email: ["email", "emailaddress", "mail", "courriel"],
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile", "cell"],
  tags: ["tags", "tag", "segments", "segment", "labels"],
  consent: ["consent", "optin", "surveyconsent", "marketingconsent"],
  unit: ["unit", "unitcode", "homeunit", "homeunitcode"],
};

export const CUSTOMER_SPEC: MappingSpec = {
  fields: CUSTOMER_FIELDS,
  labels: FIELD_LABELS,
  synonyms: SYNONYMS,
  required: ["name"],
  attributes: true,
  requiredWhy: "every customer needs one",
};

/** A first guess from the header names: known spellings → fields, `attributes.x` stays, the rest → attributes. */
export function suggestMapping(header: string[], spec: MappingSpec = CUSTOMER_SPEC): Mapping {
  const out: Mapping = {};
  const used = new Set<string>();
  for (const column of header) {
    if (!column.trim() || column in out) continue;
    const attr = spec.attributes ? attributeKeyOf(column.trim()) : null;
    const key = squash(column);
    const field = spec.fields.find((f) => !used.has(f) && (spec.synonyms[f] ?? []).includes(key));
    if (attr) out[column] = `attributes.${attr}`;
    else if (field) {
      out[column] = field;
      used.add(field);
    } else out[column] = spec.attributes ? `attributes.${column.trim().slice(0, 100)}` : "ignore";
  }
  return out;
}

/**
 * Parse and check a mapping against the file's header. Bad input → ValidationError naming `mapping.<column>`.
 * Columns the mapping does not mention are ignored; a mapping must name a column for `name`.
 */
export function resolveMapping(raw: unknown, header: string[], spec: MappingSpec = CUSTOMER_SPEC): Mapping {
  const problems: InvalidParam[] = [];
  const bad = (name: string, reason: string) => problems.push({ name, reason, in: "query" });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ValidationError([
      { name: "mapping", reason: "Must be a JSON object of CSV column → field", in: "query" },
    ]);
  }
  const out: Mapping = {};
  const taken = new Map<string, string>();
  for (const [column, target] of Object.entries(raw as Record<string, unknown>)) {
    const name = `mapping.${column}`;
    if (!header.includes(column)) {
      bad(name, "No such column in the file's header");
      continue;
    }
    if (typeof target !== "string") {
      bad(name, "Must be a field name, attributes.<key> or ignore");
      continue;
    }
    if (target === "ignore") continue;
    if (!spec.fields.includes(target) && !(spec.attributes && attributeKeyOf(target))) {
      bad(
        name,
        `Unknown field "${target.slice(0, 60)}"; use ${spec.fields.join(", ")}${spec.attributes ? ", attributes.<key>" : ""} or ignore`,
      );
      continue;
    }
    const other = taken.get(target);
    if (other !== undefined) {
      bad(name, `Column "${other}" is already mapped to ${target}`);
      continue;
    }
    taken.set(target, column);
    out[column] = target as MappingTarget;
  }
  for (const field of spec.required) {
    if (problems.length === 0 && !taken.has(field)) bad("mapping", `Map one column to ${field} (${spec.requiredWhy})`);
  }
  if (problems.length) throw new ValidationError(problems, "The column mapping is invalid.");
  return out;
}

export function parseMappingParam(
  text: string | undefined,
  header: string[],
  spec: MappingSpec = CUSTOMER_SPEC,
): Mapping {
  if (text === undefined) return resolveMapping(suggestMapping(header, spec), header, spec);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ValidationError([{ name: "mapping", reason: "Not valid JSON", in: "query" }]);
  }
  return resolveMapping(raw, header, spec);
}
