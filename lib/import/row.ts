// One CSV record → a customer input checked by the same zod rules as createCustomer, or the reasons it is bad.
// Empty cells mean "no value". Pure code, no I/O.
import { customerInputSchema, type CustomerInput } from "../customers/schema";
import { unguardCell } from "../csv/stream";
import { NUL_REASON } from "../http/request";
import { attributeKeyOf, type Mapping } from "./mapping";

export type RowProblem = { row: number; field: string; reason: string };
/** A customer row as read: the input, and the home unit's code as written in the `unit` column (resolved later). */
export type CustomerRowInput = CustomerInput & { unitCode?: string };
export type ParsedRow = { ok: true; input: CustomerRowInput } | { ok: false; problems: RowProblem[] };

/** yes/no/true/false/1/0 (any case, also y/n) → boolean; empty → undefined (not given); anything else → "bad". */
export function parseConsent(cell: string): boolean | undefined | "bad" {
  const v = cell.trim().toLowerCase();
  if (v === "") return undefined;
  if (["yes", "y", "true", "1"].includes(v)) return true;
  if (["no", "n", "false", "0"].includes(v)) return false;
  return "bad";
}

/** "vip, churn-risk; b2b" → ["vip", "churn-risk", "b2b"] (comma or semicolon separated, duplicates dropped). */
export function parseTags(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** Column positions of the mapped headers, computed once per file. */
export type CompiledMapping = Array<{ index: number; target: string }>;

export function compileMapping(mapping: Mapping, header: string[]): CompiledMapping {
  return Object.entries(mapping)
    .filter(([, target]) => target !== "ignore")
    .map(([column, target]) => ({ index: header.indexOf(column), target }))
    .filter((c) => c.index >= 0);
}

// zod paths ("tags.3", "attributes.plan") → the field the user mapped.
function fieldOf(path: PropertyKey[]): string {
  if (path[0] === "attributes" && path.length > 1) return `attributes.${String(path[1])}`;
  return String(path[0] ?? "row");
}

export function parseRow(record: string[], columns: CompiledMapping, row: number): ParsedRow {
  const draft: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  let attributes: Record<string, string> | undefined;
  let unitCode: string | undefined;
  for (const { index, target } of columns) {
    const cell = unguardCell(record[index] ?? ""); // our own exports guard formula-like cells
    if (cell.includes("\u0000")) {
      problems.push({ row, field: target, reason: NUL_REASON });
      continue;
    }
    const attr = attributeKeyOf(target);
    if (attr) {
      if (cell.trim() !== "") (attributes ??= {})[attr] = cell.trim();
      continue;
    }
    if (cell.trim() === "") continue;
    if (target === "tags") draft.tags = parseTags(cell);
    else if (target === "unit") unitCode = cell.trim();
    else if (target === "consent") {
      const consent = parseConsent(cell);
      if (consent === "bad")
        problems.push({
          row,
          field: "consent",
          reason: `Use yes/no, true/false or 1/0 (got "${cell.trim().slice(0, 40)}")`,
        });
      else draft.consent = consent;
    } else draft[target] = cell;
  }
  if (attributes) draft.attributes = attributes;
  const result = customerInputSchema.safeParse(draft);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path);
      if (seen.has(field)) continue;
      seen.add(field);
      const reason = issue.code === "invalid_type" && issue.input === undefined ? "Required" : issue.message;
      problems.push({ row, field, reason });
    }
  }
  if (problems.length || !result.success) return { ok: false, problems };
  return { ok: true, input: unitCode === undefined ? result.data : { ...result.data, unitCode } };
}
