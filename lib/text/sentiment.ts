// The sentiment score of one comment: lexicon valences on stems, negation, boosters and contrast, summed and
// squashed into [-1, 1] (docs/text-analytics.md, "Sentiment"). Pure and synchronous, a few microseconds a comment.
import { LEXICON_WORDS, type LexiconWords } from "./lexicon";
import { stem, type TextLanguage } from "./stem";
import type { Token } from "./tokenize";
import { loadAfinn, loadSenticonDe } from "./vendor";

export type SentimentLabel = "negative" | "neutral" | "positive";

/** |score| at or above which a comment is positive or negative; chosen on the evaluation set's dev half. */
export const LABEL_THRESHOLD = 0.2;
/** How far (in words) a negator reaches forward. */
const NEGATION_REACH = 4;
/** A negated valence flips and weakens ("not bad" is less than "good"). */
const NEGATION_SCALAR = -0.75;
/** Normalisation of the summed valences into (-1, 1), as VADER's compound score: x / sqrt(x² + ALPHA). */
const ALPHA = 15;

interface CompiledLexicon {
  /** This project's entries: single words by stem, or by exact lower-case form when written "=word". */
  readonly exact: Map<string, number>;
  readonly domain: Map<string, number>;
  /** The package's lexicon: AFINN by exact word (it lists inflections itself), Senticon by stem. */
  readonly base: Map<string, number>;
  readonly baseByStem: boolean;
  /** Multi-word entries of both, keyed by their stems joined with spaces. */
  readonly phrases: Map<string, number>;
  /** First stem of a multi-word entry → the entries' lengths in words, longest first. */
  readonly phraseLengths: Map<string, number[]>;
  readonly negatedValence: Map<string, number>;
  readonly negators: Set<string>;
  readonly boosters: Map<string, number>;
  readonly contrast: Set<string>;
  readonly concessive: Set<string>;
  readonly clauseBreaks: Set<string>;
}

function stemKey(phrase: string, language: TextLanguage): string {
  return phrase
    .toLowerCase()
    .split(/\s+/)
    .map((w) => stem(w, language))
    .join(" ");
}

function compile(
  language: TextLanguage,
  base: Iterable<[string, number]>,
  baseByStem: boolean,
  words: LexiconWords,
): CompiledLexicon {
  const exact = new Map<string, number>();
  const domain = new Map<string, number>();
  const baseMap = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const [word, v] of base) {
    if (word.includes(" ")) phrases.set(stemKey(word, language), v);
    else baseMap.set(word, v);
  }
  for (const [entry, v] of Object.entries(words.valence)) {
    if (entry.startsWith("=")) exact.set(entry.slice(1), v);
    else if (entry.includes(" ")) phrases.set(stemKey(entry, language), v);
    else domain.set(stem(entry, language), v);
  }
  const phraseLengths = new Map<string, number[]>();
  for (const key of phrases.keys()) {
    const parts = key.split(" ");
    const lengths = phraseLengths.get(parts[0]) ?? [];
    if (!lengths.includes(parts.length)) lengths.push(parts.length);
    lengths.sort((a, b) => b - a);
    phraseLengths.set(parts[0], lengths);
  }
  return {
    exact,
    domain,
    base: baseMap,
    baseByStem,
    phrases,
    phraseLengths,
    negatedValence: new Map(Object.entries(words.negatedValence).map(([w, v]) => [stem(w, language), v])),
    negators: new Set(words.negators),
    boosters: new Map(Object.entries(words.boosters)),
    contrast: new Set(words.contrast),
    concessive: new Set(words.concessive),
    clauseBreaks: new Set(words.clauseBreaks),
  };
}

/**
 * Senticon entries weaker than this (on AFINN's scale) are left out: most are 0.004 ("no polarity found"), and on the
 * evaluation set's dev half the weaker ones only added errors (docs/text-analytics.md, "Choosing by measurement").
 */
export const SENTICON_CUTOFF = 1.5;

let compiled: Record<TextLanguage, CompiledLexicon> | undefined;

function lexicon(language: TextLanguage): CompiledLexicon {
  compiled ??= {
    en: compile("en", Object.entries(loadAfinn()), false, LEXICON_WORDS.en),
    // ML-Senticon is keyed by German stems already, on [-1, 1]; ×4 puts it on AFINN's scale.
    de: compile(
      "de",
      Object.entries(loadSenticonDe())
        .map(([w, v]): [string, number] => [w, v * 4])
        .filter(([, v]) => Math.abs(v) >= SENTICON_CUTOFF),
      true,
      LEXICON_WORDS.de,
    ),
  };
  return compiled[language];
}

function valenceOf(lex: CompiledLexicon, word: string, wordStem: string): number | undefined {
  return lex.exact.get(word) ?? lex.domain.get(wordStem) ?? lex.base.get(lex.baseByStem ? wordStem : word);
}

interface Unit {
  /** Token index of the unit's first and last word. */
  first: number;
  last: number;
  valence: number;
  clause: number;
  sentence: number;
  negated: boolean;
}

export interface SentimentResult {
  /** In [-1, 1], rounded to 3 decimals. */
  readonly score: number;
  readonly label: SentimentLabel;
}

export function labelFor(score: number): SentimentLabel {
  return score >= LABEL_THRESHOLD ? "positive" : score <= -LABEL_THRESHOLD ? "negative" : "neutral";
}

const COMPARATIVE = /(?:er|ier)$/;
const SO = new Set(["so", "solch", "solches", "solchen", "such"]);

/** Scores tokens (from tokenize) with their stems (stem per word token, "" for others). */
export function scoreSentiment(
  tokens: readonly Token[],
  stems: readonly string[],
  language: TextLanguage,
  trace?: (units: readonly { words: string; valence: number }[]) => void,
): SentimentResult {
  const lex = lexicon(language);
  const units: Unit[] = [];
  const negators: { index: number; lower: string; clause: number; used: boolean }[] = [];
  const contrasts: { index: number; sentence: number }[] = [];
  const concessives: { index: number; clause: number }[] = [];
  let clause = 0;
  let sentence = 0;
  let exclamations = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (t.kind === "punct") {
      clause += 1;
      if (/[.!?;]/.test(t.lower)) sentence += 1;
      for (const ch of t.lower) if (ch === "!") exclamations += 1;
      i += 1;
      continue;
    }
    if (t.kind !== "word") {
      i += 1;
      continue;
    }
    const lengths = lex.phraseLengths.get(stems[i]);
    let matched = 0;
    if (lengths) {
      for (const len of lengths) {
        if (i + len > tokens.length) continue;
        let key = stems[i];
        let ok = true;
        for (let k = 1; k < len; k += 1) {
          if (tokens[i + k].kind === "punct") {
            ok = false;
            break;
          }
          key += " " + stems[i + k];
        }
        const v = ok ? lex.phrases.get(key) : undefined;
        if (v !== undefined) {
          if (v !== 0) units.push({ first: i, last: i + len - 1, valence: v, clause, sentence, negated: false });
          matched = len;
          break;
        }
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    if (lex.contrast.has(t.lower)) {
      contrasts.push({ index: i, sentence });
      clause += 1;
    } else if (lex.concessive.has(t.lower)) {
      clause += 1;
      concessives.push({ index: i, clause });
    } else if (lex.negators.has(t.lower)) {
      negators.push({ index: i, lower: t.lower, clause, used: false });
    } else if (lex.clauseBreaks.has(t.lower)) {
      clause += 1;
    } else {
      const v = valenceOf(lex, t.lower, stems[i]);
      // A word of no valence still counts when its negation has one ("geht" / "geht nicht").
      if (v !== undefined && (v !== 0 || lex.negatedValence.has(stems[i])))
        units.push({ first: i, last: i, valence: v, clause, sentence, negated: false });
    }
    i += 1;
  }

  // Every step below is linear in the number of tokens: a long or hostile comment costs in proportion to its size.
  const negatorAt = new Map(negators.map((n) => [n.index, n]));
  const negate = (u: Unit) => {
    const special = u.first === u.last ? lex.negatedValence.get(stems[u.first]) : undefined;
    u.valence = special ?? u.valence * NEGATION_SCALAR;
    u.negated = true;
  };
  // Negation before a sentiment word: "not bad", "gar nicht schlecht", "nicht unfreundlich", "no problems".
  for (const u of units) {
    let words = 0;
    for (let j = u.first - 1; j >= 0 && words < NEGATION_REACH; j -= 1) {
      if (tokens[j].kind !== "word") break;
      words += 1;
      const neg = negatorAt.get(j);
      if (!neg || neg.clause !== u.clause) continue;
      neg.used = true;
      // "couldn't be happier", "couldn't be more cumbersome": a negated comparative after "be" intensifies.
      const between = tokens.slice(j + 1, u.first).map((x) => x.lower);
      const after = tokens[u.last + 1]?.lower;
      const copula = between.includes("be") || after === "sein" || after === "be";
      const comparative =
        COMPARATIVE.test(tokens[u.last].lower) || between.includes("more") || between.includes("mehr");
      if (copula && comparative) u.valence *= 1.5;
      else negate(u);
      break;
    }
  }
  // German puts "nicht" after the verb: "das gefällt mir nicht", "es funktioniert einfach nicht". A negator
  // that negated nothing after it negates the clause's sentiment words before it: each such word takes the
  // nearest one after it in its clause (found by one sweep from the end).
  if (language === "de") {
    let nearest: (typeof negators)[number] | undefined;
    let n = negators.length - 1;
    for (let k = units.length - 1; k >= 0; k -= 1) {
      const u = units[k];
      while (n >= 0 && negators[n].index > u.last) {
        if (!negators[n].used) nearest = negators[n];
        n -= 1;
      }
      if (!nearest || nearest.clause !== u.clause || u.negated) continue;
      // "Umständlicher geht es kaum", "besser geht es nicht": a comparative before "geht" intensifies.
      if (COMPARATIVE.test(tokens[u.last].lower) && tokens[u.last + 1]?.lower === "geht") u.valence *= 1.5;
      // "so ein hilfreiches Gespräch hatte ich noch nie": never before, so good.
      else if (nearest.lower === "nie" && tokens.slice(Math.max(0, u.first - 2), u.first).some((t) => SO.has(t.lower)))
        u.valence *= 1.5;
      else negate(u);
      u.negated = true;
    }
  }
  // Boosters and softeners right before a sentiment word (a negator may sit between: "really not good").
  for (const u of units) {
    for (let j = u.first - 1; j >= Math.max(0, u.first - 2); j -= 1) {
      const b = lex.boosters.get(tokens[j].lower);
      if (b !== undefined) {
        u.valence *= 1 + b;
        break;
      }
      if (!negatorAt.has(j)) break;
    }
    // "simply"/"einfach" before a negator is an adverb, not "easy": "es funktioniert einfach nicht".
    const next = tokens[u.last + 1];
    if (u.first === u.last && (tokens[u.first].lower === "einfach" || tokens[u.first].lower === "simply")) {
      if (next && (lex.negators.has(next.lower) || next.lower === "nur")) u.valence = 0;
    }
  }
  // "but": the part of the sentence after its last "but" carries it.
  const lastContrast = new Map<number, number>();
  for (const c of contrasts) lastContrast.set(c.sentence, c.index);
  // "although": the rest of its clause counts half (a concessive opens a clause of its own).
  const concessiveAt = new Map(concessives.map((c) => [c.clause, c.index]));
  for (const u of units) {
    const c = lastContrast.get(u.sentence);
    if (c !== undefined) u.valence *= u.first < c ? 0.5 : 1.5;
    const k = concessiveAt.get(u.clause);
    if (k !== undefined && u.first > k) u.valence *= 0.5;
  }
  let sum = 0;
  for (const u of units) sum += u.valence;
  trace?.(
    units.map((u) => ({
      words: tokens
        .slice(u.first, u.last + 1)
        .map((t) => t.lower)
        .join(" "),
      valence: Math.round(u.valence * 100) / 100,
    })),
  );
  if (sum !== 0 && exclamations > 0) sum += Math.sign(sum) * 0.3 * Math.min(exclamations, 3);
  const score = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000;
  return { score, label: labelFor(score) };
}
