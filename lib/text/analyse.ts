// One call per comment: sentiment and themes for English and German, "unsupported" for every other language
// (not guessed). Pure, synchronous and cheap enough to run on the write path (docs/text-analytics.md).
import { scoreSentiment, type SentimentLabel } from "./sentiment";
import { stem, type TextLanguage } from "./stem";
import { STARTER_TAXONOMY } from "./starter-taxonomy";
import { compileTaxonomy, matchThemes, type CompiledTaxonomy, type ThemeMatch } from "./taxonomy";
import { tokenize } from "./tokenize";

export type { SentimentLabel } from "./sentiment";
export type { TextLanguage } from "./stem";
export type { ThemeMatch, Span, Taxonomy, ThemeDefinition, CompiledTaxonomy } from "./taxonomy";
export { compileTaxonomy } from "./taxonomy";
export { STARTER_TAXONOMY } from "./starter-taxonomy";

export type Analysis =
  | {
      readonly language: TextLanguage;
      /** In [-1, 1]: the sum of the comment's word valences, squashed. */
      readonly sentiment: number;
      readonly label: SentimentLabel;
      readonly themes: readonly ThemeMatch[];
    }
  | { readonly language: null; readonly sentiment: null; readonly label: "unsupported"; readonly themes: readonly [] };

/** "en", "en-GB", "de_AT", "DE" → the analysed language; anything else → null. */
export function textLanguage(language: string | null | undefined): TextLanguage | null {
  const base = (language ?? "").trim().toLowerCase().slice(0, 3).split(/[-_]/)[0];
  return base === "en" || base === "de" ? base : null;
}

let starter: CompiledTaxonomy | undefined;

/** The starter taxonomy, compiled once. */
export function starterTaxonomy(): CompiledTaxonomy {
  starter ??= compileTaxonomy(STARTER_TAXONOMY);
  return starter;
}

/**
 * Sentiment and themes of one comment in its language (the survey's or the interaction's). Compile an
 * organization's taxonomy once with compileTaxonomy and pass it in; the starter taxonomy is the default.
 */
export function analyse(text: string, language: string | null | undefined, taxonomy?: CompiledTaxonomy): Analysis {
  const lang = textLanguage(language);
  if (lang === null) return { language: null, sentiment: null, label: "unsupported", themes: [] };
  const tokens = tokenize(text);
  const stems = tokens.map((t) => (t.kind === "word" ? stem(t.lower, lang) : ""));
  const { score, label } = scoreSentiment(tokens, stems, lang);
  return {
    language: lang,
    sentiment: score,
    label,
    themes: matchThemes(tokens, stems, lang, taxonomy ?? starterTaxonomy()),
  };
}
