// The organization's settings document (Organization.settings): one JSON object whose keys belong to different
// parts (caseRules, rootCauses, digest, retention, defaultLocale, …). Reading tolerates a document of another shape
// (SQLite answers a raw query's JSON column as its text). Pure; writing is settings-service.ts.
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "../i18n/config";

/** The settings document as an object: {} when there is none or it is not an object. */
export function settingsObject(raw: unknown): Record<string, unknown> {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The organization's language (settings.defaultLocale): what Resonance writes into it by itself is worded in it
 * (lib/orgs/defaults.ts), and its staff's notes are read in it (docs/i18n.md, "The organization's language").
 */
export function orgLocaleOf(settings: unknown): AppLocale {
  const locale = settingsObject(settings).defaultLocale;
  return isAppLocale(locale) ? locale : DEFAULT_LOCALE;
}
