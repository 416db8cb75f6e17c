// The languages of the app's own pages and e-mails (the surveys respondents answer have their own list,
// lib/surveys/ui-text.ts). Pure: imported by the server, client components and tests. docs/i18n.md.

export const LOCALES = ["en", "de"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/** The cookie a signed-out browser's choice (and a signed-in user's last saved one) lives in. */
export const LOCALE_COOKIE = "rsn-locale";

/** The name of each language in itself, for the language picker. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", de: "Deutsch" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The Intl tag behind each locale: British English (the app's dates were always "5 Dec 2026") and German as
 * written in Germany ("5. Dez. 2026", "1.234,5").
 */
export const INTL_TAGS: Record<AppLocale, string> = { en: "en-GB", de: "de-DE" };
