// Languages offered when creating or editing a survey (any BCP 47 tag works through the API).
export const LANGUAGE_CHOICES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da"] as const;

export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export type TouchpointGroup = { journey: string; touchpoints: { id: string; label: string }[] };
