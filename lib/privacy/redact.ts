// Removing an erased customer's personal values from a JSON document (an audit event's data): every string
// that contains one of the values (case-insensitively) has each occurrence replaced by "[erased]". Pure.
export const ERASED_MARK = "[erased]";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The values worth looking for: trimmed, at least 3 characters (shorter ones would match everywhere). */
export function personalNeedles(values: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const t = v?.trim();
    if (t && t.length >= 3) out.add(t);
  }
  // Longest first, so "ada@example.test" is replaced before a name inside it.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The document with every occurrence of the needles replaced; `changed` tells whether anything was. */
export function redactJson(value: unknown, needles: string[]): { value: unknown; changed: boolean } {
  if (needles.length === 0) return { value, changed: false };
  const pattern = new RegExp(needles.map(escapeRegExp).join("|"), "gi");
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const next = v.replace(pattern, ERASED_MARK);
      if (next !== v) changed = true;
      return next;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const key = k.replace(pattern, ERASED_MARK);
        if (key !== k) changed = true;
        out[key] = walk(x);
      }
      return out;
    }
    return v;
  };
  const result = walk(value);
  return { value: result, changed };
}
