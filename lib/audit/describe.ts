// An audit event's recorded data as the audit log page shows it (components/settings/audit-log.tsx): label → words, in
// the page's language. Pure; lib/i18n/audit-labels.test.ts checks that every key the code records has a label in
// every language.

/**
 * The words of an entry's details in the page's language: the fixed ones (`yes` and `no` for a recorded true and
 * false), and `labels`, a label per recorded key and per field name a change lists (`settings.audit.fields`).
 */
export type DetailWords = {
  details: string;
  change: string;
  none: string;
  yes: string;
  no: string;
  labels: Record<string, string>;
};

/** Keys whose value lists the names of the fields that changed: each name is shown by its label too. */
const FIELD_LISTS = new Set(["fields", "changed"]);

/** A key without a label (an older event's, no longer recorded) in its own words: "responsesPurged" → "Responses purged". */
export function keyWords(key: string): string {
  return (
    key.charAt(0).toUpperCase() +
    key.slice(1).replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
  );
}

const isFromTo = (v: object): v is { from: unknown; to: unknown } => {
  const keys = Object.keys(v);
  return keys.length === 2 && keys.includes("from") && keys.includes("to");
};

/**
 * The event's data as label → words. {from, to} becomes one "from → to" line, and so does a value of that shape (a
 * unit's changed code, a member's scope); a lone `from` or `to` is a key like any other. A list of changed fields
 * names each field by its label; `filters` reads "key = value" (the export's parameter names). True and false are
 * yes and no; other values as they were recorded.
 */
export function describeData(data: unknown, w: DetailWords): { label: string; value: string }[] {
  const label = (key: string) => (Object.hasOwn(w.labels, key) ? w.labels[key] : keyWords(key));
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "boolean") return v ? w.yes : w.no;
    if (Array.isArray(v)) return v.length ? v.map(show).join(", ") : w.none;
    if (typeof v === "object") return isFromTo(v) ? `${show(v.from)} → ${show(v.to)}` : JSON.stringify(v).slice(0, 300);
    return String(v);
  };
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data)) return [{ label: w.details, value: show(data) }];
  const d = data as Record<string, unknown>;
  const out: { label: string; value: string }[] = [];
  const change = "from" in d && "to" in d;
  if (change) out.push({ label: w.change, value: `${show(d.from)} → ${show(d.to)}` });
  for (const [k, v] of Object.entries(d)) {
    if (change && (k === "from" || k === "to")) continue;
    if (k === "filters" && v && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v);
      out.push({
        label: label(k),
        value: entries.length ? entries.map(([fk, fv]) => `${fk} = ${show(fv)}`).join(", ") : w.none,
      });
      continue;
    }
    if (FIELD_LISTS.has(k) && Array.isArray(v) && v.every((f) => typeof f === "string")) {
      out.push({ label: label(k), value: v.length ? v.map(label).join(", ") : w.none });
      continue;
    }
    out.push({ label: label(k), value: show(v) });
  }
  return out;
}
