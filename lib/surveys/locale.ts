// Which language a respondent gets: an explicit choice (?lang=) first, then the browser's Accept-Language
// in order of preference, matched exactly (de-CH) or by primary language (de-CH → de), else the survey's
// default locale. Pure.

const LOCALE_RE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function normalizeLocale(tag: string): string | null {
  const t = tag.trim();
  if (!LOCALE_RE.test(t) || t.length > 35) return null;
  const [lang, ...rest] = t.split("-");
  return [lang.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p.toLowerCase()))].join("-");
}

/** Language tags of an Accept-Language header, most preferred first (q=0 and "*" left out). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const items = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      return { tag: normalizeLocale(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((i): i is { tag: string; weight: number; index: number } => i.tag !== null && i.weight > 0);
  return items.sort((a, b) => b.weight - a.weight || a.index - b.index).map((i) => i.tag);
}

function match(wanted: string, available: readonly string[]): string | null {
  const lower = wanted.toLowerCase();
  const exact = available.find((a) => a.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split("-")[0];
  return (
    available.find((a) => a.toLowerCase() === primary) ??
    available.find((a) => a.toLowerCase().split("-")[0] === primary) ??
    null
  );
}

export function negotiateLocale(opts: {
  explicit?: string | null;
  acceptLanguage?: string | null;
  available: readonly string[];
  fallback: string;
}): string {
  const wanted = [...(opts.explicit ? [opts.explicit] : []), ...parseAcceptLanguage(opts.acceptLanguage)];
  for (const w of wanted) {
    const found = match(w, opts.available);
    if (found) return found;
  }
  return opts.fallback;
}

/** The text for a locale from per-locale JSON ({ "en": "…" }) or a plain string; falls back to `fallback`, then any. */
export function localizedText(value: unknown, locale: string, fallback: string): string {
  if (typeof value === "string") return value;
  if (!value || typeof value !== "object" || Array.isArray(value)) return "";
  const texts = value as Record<string, unknown>;
  const keys = Object.keys(texts).filter((k) => typeof texts[k] === "string");
  const key = match(locale, keys) ?? match(fallback, keys) ?? keys[0];
  return key === undefined ? "" : (texts[key] as string);
}
