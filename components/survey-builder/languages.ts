// Languages offered when creating or editing a survey (any BCP 47 tag works through the API).
export const LANGUAGE_CHOICES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da"] as const;

/** The language's name in the page's language (`uiLocale`, "en" or "de"): "German" · "Deutsch". */
export function languageName(tag: string, uiLocale = "en"): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export type TouchpointGroup = { journey: string; touchpoints: { id: string; label: string }[] };
