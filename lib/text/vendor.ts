// The parts of the text-analytics packages used at run time, loaded with require: they are CommonJS without
// types, and AFINN's JSON has keys ("true", "super") that an ESM JSON import cannot name (docs/text-analytics.md,
// "Engines"). All of them ship their data inside the npm package; nothing is fetched.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Porter2 (Snowball English) stem of one lower-case word, from wink-eng-lite-web-model. */
export const stemEnglish = require("wink-eng-lite-web-model/dist/porter-stemmer.js") as (word: string) => string;

interface StemmerDe {
  stemWord(word: string): string;
}
/** Snowball German stemmer from @nlpjs/lang-de; folds umlauts (ä → a) as part of stemming. */
export const StemmerDe = require("@nlpjs/lang-de/src/stemmer-de.js") as new () => StemmerDe;

/** AFINN-165 (from the `sentiment` package): valence -5 … 5 per English word or short phrase. */
export function loadAfinn(): Record<string, number> {
  return require("sentiment/languages/en/labels.json") as Record<string, number>;
}

/** ML-Senticon (from @nlpjs/lang-de): polarity in [-1, 1] per German stem, as StemmerDe produces it. */
export function loadSenticonDe(): Record<string, number> {
  return require("@nlpjs/lang-de/src/sentiment/senticon_de.json") as Record<string, number>;
}
