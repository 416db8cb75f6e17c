// Stems for English (the Porter2 stemmer of wink-eng-lite-web-model, rewritten without regular expressions in
// porter-stemmer.ts with identical output) and German (Snowball German, from @nlpjs/lang-de), memoised: the
// vocabulary of customer comments repeats (docs/text-analytics.md, "Speed").
import { canStem, porterStem } from "./porter-stemmer";
import { StemmerDe, stemEnglish } from "./vendor";

export type TextLanguage = "en" | "de";

const germanStemmer = new StemmerDe();
const CACHE_LIMIT = 100_000;
const caches: Record<TextLanguage, Map<string, string>> = { en: new Map(), de: new Map() };

/** The stem of one lower-case word; hyphens are dropped first ("e-mail" = "email", "online-banking" = "onlinebanking"). */
export function stem(word: string, language: TextLanguage): string {
  const cache = caches[language];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const plain = word.includes("-") ? word.replace(/-/g, "") : word;
  const stemmed =
    language === "de" ? germanStemmer.stemWord(plain) : canStem(plain) ? porterStem(plain) : stemEnglish(plain);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}

/** Empties the stem caches, so that every word is stemmed afresh (bench/text-analytics.ts: the worst case). */
export function clearStemCaches(): void {
  caches.en.clear();
  caches.de.clear();
}
