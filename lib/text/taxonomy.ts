// Themes: a taxonomy maps each theme to phrases per language, matched on stems so that "charged", "charges" and
// "charge" find one theme, with "*" for German compounds ("*gebühr*" finds "Kontoführungsgebühren")
// (docs/text-analytics.md, "Themes").
import { stem, type TextLanguage } from "./stem";
import type { Token } from "./tokenize";

export interface ThemeDefinition {
  /** Stable identifier, e.g. "billing". */
  readonly id: string;
  /** Name shown to people, e.g. "Billing". */
  readonly label: string;
  /**
   * Phrases per language. A phrase is one or more words matched on their stems ("charged" also finds "charges",
   * "on hold" finds "on hold"). A single word with "*" at its start and/or end matches part of a word instead
   * (umlauts folded, hyphens dropped): "*rechnung" finds "Stromrechnung", "warteschleife*" finds
   * "Warteschleifenmusik", "*gebühr*" finds "Kontoführungsgebühren".
   */
  readonly phrases: Readonly<Partial<Record<TextLanguage, readonly string[]>>>;
}

export type Taxonomy = readonly ThemeDefinition[];

export interface Span {
  /** Offsets into the analysed text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface ThemeMatch {
  readonly theme: string;
  readonly spans: readonly Span[];
}

interface Partial_ {
  readonly theme: number;
  readonly text: string;
  readonly at: "prefix" | "suffix" | "inside";
}

interface CompiledLanguage {
  /** Stem → themes (indices) of single-word phrases. */
  readonly single: Map<string, number[]>;
  /** First stem → multi-word phrases starting with it (stems and theme), longest first. */
  readonly multi: Map<string, { stems: string[]; theme: number }[]>;
  readonly partials: readonly Partial_[];
  /** Memo: a word (lower case) → themes its single-word and partial phrases give it. */
  readonly wordCache: Map<string, readonly number[]>;
}

export interface CompiledTaxonomy {
  readonly themes: readonly string[];
  readonly languages: Readonly<Record<TextLanguage, CompiledLanguage>>;
}

const WORD_CACHE_LIMIT = 50_000;

/** Lower case, umlauts and ß folded, hyphens dropped: what partial ("*") phrases compare. */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .replace(/ß/g, "ss")
    .replace(/-/g, "");
}

function compileLanguage(taxonomy: Taxonomy, language: TextLanguage): CompiledLanguage {
  const single = new Map<string, number[]>();
  const multi = new Map<string, { stems: string[]; theme: number }[]>();
  const partials: Partial_[] = [];
  taxonomy.forEach((def, theme) => {
    for (const raw of def.phrases[language] ?? []) {
      const words = raw.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      if (words.length === 1 && words[0].includes("*")) {
        const w = words[0];
        const text = fold(w.replace(/\*/g, ""));
        if (text.length < 3) continue;
        const at = w.startsWith("*") && w.endsWith("*") ? "inside" : w.startsWith("*") ? "suffix" : "prefix";
        partials.push({ theme, text, at });
        continue;
      }
      const stems = words.map((w) => stem(w.replace(/\*/g, ""), language));
      if (stems.length === 1) {
        const list = single.get(stems[0]) ?? [];
        if (!list.includes(theme)) list.push(theme);
        single.set(stems[0], list);
      } else {
        const list = multi.get(stems[0]) ?? [];
        list.push({ stems, theme });
        list.sort((a, b) => b.stems.length - a.stems.length);
        multi.set(stems[0], list);
      }
    }
  });
  return { single, multi, partials, wordCache: new Map() };
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  return {
    themes: taxonomy.map((t) => t.id),
    languages: { en: compileLanguage(taxonomy, "en"), de: compileLanguage(taxonomy, "de") },
  };
}

function themesOfWord(lang: CompiledLanguage, word: string, wordStem: string): readonly number[] {
  const hit = lang.wordCache.get(word);
  if (hit) return hit;
  // Plain arrays of small integers, deduplicated in insertion order (a Set spread into an array, as before, made the
  // optimised code of matchThemes bail out and recompile on the first unseen words: docs/text-analytics.md, "Speed").
  const result: number[] = [];
  for (const theme of lang.single.get(wordStem) ?? []) if (!result.includes(theme)) result.push(theme);
  if (lang.partials.length > 0) {
    const folded = fold(word);
    for (const p of lang.partials) {
      if (
        (p.at === "prefix"
          ? folded.startsWith(p.text)
          : p.at === "suffix"
            ? folded.endsWith(p.text)
            : folded.includes(p.text)) &&
        !result.includes(p.theme)
      )
        result.push(p.theme);
    }
  }
  if (lang.wordCache.size >= WORD_CACHE_LIMIT) lang.wordCache.clear();
  lang.wordCache.set(word, result);
  return result;
}

/** The themes a comment mentions, each with the spans of the words that matched, in taxonomy order. */
export function matchThemes(
  tokens: readonly Token[],
  stems: readonly string[],
  language: TextLanguage,
  taxonomy: CompiledTaxonomy,
): ThemeMatch[] {
  const lang = taxonomy.languages[language];
  const spans: Span[][] = taxonomy.themes.map(() => []);
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].kind !== "word") continue;
    const phrases = lang.multi.get(stems[i]);
    if (phrases) {
      for (const p of phrases) {
        const n = p.stems.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k += 1) ok = tokens[i + k].kind === "word" && stems[i + k] === p.stems[k];
        if (ok) spans[p.theme].push({ start: tokens[i].start, end: tokens[i + n - 1].end });
      }
    }
    const themes = themesOfWord(lang, tokens[i].lower, stems[i]);
    for (let k = 0; k < themes.length; k += 1) spans[themes[k]].push({ start: tokens[i].start, end: tokens[i].end });
  }
  const out: ThemeMatch[] = [];
  spans.forEach((list, theme) => {
    if (list.length > 0) out.push({ theme: taxonomy.themes[theme], spans: mergeSpans(list) });
  });
  return out;
}

/** Sorted, with overlapping spans (a phrase and a word inside it) joined. */
function mergeSpans(list: Span[]): Span[] {
  if (list.length === 1) return list;
  const sorted = list.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [sorted[0]];
  for (const s of sorted.slice(1)) {
    const last = out[out.length - 1];
    if (s.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}
