// Theme discovery (docs/text-analytics.md, "Discovery"): among comments that no theme covers, the phrases —
// single words and pairs of adjacent words, on stems, stopwords left out — that detractors use distinctly more than
// promoters, by the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008),
// "Fightin' Words", eq. 16–22. Each language is its own corpus (its phrases never meet the other's). Pure and
// synchronous; a manager turns a suggestion into a theme.
import { textLanguage } from "./analyse";
import { stem, type TextLanguage } from "./stem";
import { STOPWORDS } from "./stopwords";
import { tokenize } from "./tokenize";

export type DiscoveryGroup = "detractor" | "promoter" | "other";

export interface DiscoveryComment {
  readonly id: string;
  readonly text: string;
  /** The comment's language ("en", "de-AT" …); other languages are skipped. */
  readonly language: string | null;
  /** Detractors against promoters; "other" (passives, no score) only feeds the prior. */
  readonly group: DiscoveryGroup;
}

export interface DiscoveryOptions {
  /** α₀, the prior's total weight in pseudo-counts, spread over phrases by their share of the whole corpus. */
  readonly alpha0?: number;
  /** A phrase must occur in at least this many comments of its language (all groups): no one-off words. */
  readonly minComments?: number;
  /** … and in at least this many detractor comments. */
  readonly minDetractors?: number;
  /** Only phrases with z at least this (1.96, the 95 % bound of a standard normal z, as Monroe et al. read it). */
  readonly minZ?: number;
  readonly limit?: number;
  /** Example comment ids per phrase (detractors', in input order). */
  readonly examples?: number;
  /**
   * Phrases whose comments overlap at least this much (Jaccard index of the sets of comments mentioning them, all
   * groups) are one finding: the strongest is suggested and the others listed as its alternatives. Above 1: never.
   */
  readonly minOverlap?: number;
}

export const DISCOVERY_DEFAULTS = {
  alpha0: 1000,
  minComments: 5,
  minDetractors: 3,
  minZ: 1.96,
  limit: 20,
  examples: 3,
  minOverlap: 0.8,
} as const satisfies Required<DiscoveryOptions>;

export interface PhraseCounts {
  /** y_a: comments of group a (detractors) with the phrase; y_b: of group b (promoters); y: of the whole corpus. */
  readonly a: number;
  readonly b: number;
  readonly corpus: number;
}

export interface CorpusTotals {
  /** n_a, n_b, n: the sums of the phrases' counts in group a, in group b and in the whole corpus. */
  readonly a: number;
  readonly b: number;
  readonly corpus: number;
}

export interface LogOdds {
  /** δ̂, the log-odds ratio of group a against group b with the prior. */
  readonly delta: number;
  /** Its approximate variance, 1/(y_a + α_i) + 1/(y_b + α_i). */
  readonly variance: number;
  /** z = δ̂ / √variance; positive: distinctive for group a. */
  readonly z: number;
  /** α_i = α₀ · y / n. */
  readonly alpha: number;
}

/**
 * Monroe, Colaresi & Quinn (2008), eq. 16–22, with the informative prior α_i = α₀ · y_i / n from the whole corpus:
 *   δ̂_i = log((y_a + α_i) / (n_a + α₀ − y_a − α_i)) − log((y_b + α_i) / (n_b + α₀ − y_b − α_i))
 *   σ²(δ̂_i) ≈ 1/(y_a + α_i) + 1/(y_b + α_i),   z_i = δ̂_i / σ(δ̂_i)
 */
export function weightedLogOdds(y: PhraseCounts, n: CorpusTotals, alpha0: number): LogOdds {
  if (!(alpha0 > 0)) throw new RangeError(`α₀ must be positive, got ${alpha0}`);
  if (!(y.corpus > 0 && n.corpus > 0)) throw new RangeError("the phrase must occur in the corpus");
  const alpha = (alpha0 * y.corpus) / n.corpus;
  const delta =
    Math.log((y.a + alpha) / (n.a + alpha0 - y.a - alpha)) - Math.log((y.b + alpha) / (n.b + alpha0 - y.b - alpha));
  const variance = 1 / (y.a + alpha) + 1 / (y.b + alpha);
  return { delta, variance, z: delta / Math.sqrt(variance), alpha };
}

export interface DiscoveredPhrase extends PhraseCounts, LogOdds {
  readonly language: TextLanguage;
  /** The phrase's stems, space-separated: what a taxonomy phrase of the same words matches. */
  readonly stems: string;
  /** The most frequent way detractors wrote it (lower case), e.g. "hidden fees"; a suggestion for the taxonomy. */
  readonly text: string;
  readonly words: 1 | 2;
  /** Up to `examples` detractor comments with the phrase, in input order. */
  readonly examples: readonly string[];
  /**
   * Weaker phrases merged into this one because nearly the same comments mention them (Jaccard ≥ minOverlap), by
   * z: how detractors wrote them and their stems.
   */
  readonly alternatives: readonly { readonly text: string; readonly stems: string }[];
}

export interface Discovery {
  readonly phrases: DiscoveredPhrase[];
  /** Comments read per group (in a supported language). */
  readonly comments: Readonly<Record<DiscoveryGroup, number>>;
  /** Phrases that met the minimum counts and were scored. */
  readonly scored: number;
}

const GROUP_INDEX: Record<DiscoveryGroup, number> = { detractor: 0, promoter: 1, other: 2 };

interface Extracted {
  readonly keys: string[];
  readonly surfaces: string[];
}

/** The comment's distinct phrases (stems) with the words as written: content words, and adjacent pairs of them. */
export function phrasesOf(text: string, language: TextLanguage): Extracted {
  const stop = STOPWORDS[language];
  const tokens = tokenize(text);
  const keys: string[] = [];
  const surfaces: string[] = [];
  const add = (key: string, surface: string) => {
    if (keys.includes(key)) return; // a comment has a few dozen phrases at most: a scan beats a Set
    keys.push(key);
    surfaces.push(surface);
  };
  let previous: { stem: string; lower: string } | null = null;
  for (const t of tokens) {
    if (t.kind !== "word" || t.lower.length < 2 || stop.has(t.lower)) {
      previous = null;
      continue;
    }
    const s = stem(t.lower, language);
    add(s, t.lower);
    if (previous) add(`${previous.stem} ${s}`, `${previous.lower} ${t.lower}`);
    previous = { stem: s, lower: t.lower };
  }
  return { keys, surfaces };
}

interface LanguageCorpus {
  /** Phrase → counts per group (detractor, promoter, other). */
  readonly counts: Map<string, [number, number, number]>;
  /** The detractors' comments with their phrases, for the examples and wording of the phrases kept. */
  readonly detractors: { id: string; phrases: Extracted }[];
  /** Every comment's phrases (all groups), for the overlap of the phrases kept. */
  readonly keys: string[][];
}

/**
 * The phrases most distinctive for detractors against promoters, largest z first (ties: more detractor comments,
 * then the stems). Counts are comments, not occurrences: a phrase repeated in one comment counts once.
 */
export function discoverPhrases(comments: Iterable<DiscoveryComment>, options: DiscoveryOptions = {}): Discovery {
  const o = { ...DISCOVERY_DEFAULTS, ...options };
  const corpora = new Map<TextLanguage, LanguageCorpus>();
  const read: Record<DiscoveryGroup, number> = { detractor: 0, promoter: 0, other: 0 };
  for (const c of comments) {
    const language = textLanguage(c.language);
    if (language === null) continue;
    read[c.group] += 1;
    let corpus = corpora.get(language);
    if (!corpus) corpora.set(language, (corpus = { counts: new Map(), detractors: [], keys: [] }));
    const group = GROUP_INDEX[c.group];
    const phrases = phrasesOf(c.text, language);
    for (const key of phrases.keys) {
      const y = corpus.counts.get(key);
      if (y) y[group] += 1;
      else {
        const fresh: [number, number, number] = [0, 0, 0];
        fresh[group] = 1;
        corpus.counts.set(key, fresh);
      }
    }
    corpus.keys.push(phrases.keys);
    if (group === 0) corpus.detractors.push({ id: c.id, phrases });
  }

  const found: DiscoveredPhrase[] = [];
  let scored = 0;
  for (const [language, corpus] of corpora) {
    const n = { a: 0, b: 0, corpus: 0 };
    for (const [a, b, other] of corpus.counts.values()) {
      n.a += a;
      n.b += b;
      n.corpus += a + b + other;
    }
    const kept: Scored[] = [];
    for (const [key, [a, b, other]] of corpus.counts) {
      const y = { a, b, corpus: a + b + other };
      if (y.corpus < o.minComments || a < o.minDetractors) continue;
      scored += 1;
      const odds = weightedLogOdds(y, n, o.alpha0);
      if (odds.z >= o.minZ) kept.push({ key, y, odds });
    }
    kept.sort(byZ);
    const groups = mergeOverlapping(kept, corpus.keys, o.minOverlap, o.limit);
    // Examples and the usual wording, from the detractors' comments, for the phrases kept only.
    const wanted = new Map(
      groups
        .flatMap((g) => [g.lead, ...g.alternatives])
        .map((k) => [k.key, { examples: [] as string[], surfaces: new Map<string, number>() }]),
    );
    for (const c of corpus.detractors) {
      c.phrases.keys.forEach((key, i) => {
        const w = wanted.get(key);
        if (!w) return;
        if (w.examples.length < o.examples) w.examples.push(c.id);
        const surface = c.phrases.surfaces[i]!;
        w.surfaces.set(surface, (w.surfaces.get(surface) ?? 0) + 1);
      });
    }
    for (const { lead: k, alternatives } of groups) {
      const w = wanted.get(k.key)!;
      found.push({
        language,
        stems: k.key,
        text: mostFrequent(w.surfaces),
        words: wordsOf(k.key) as 1 | 2,
        ...k.y,
        ...k.odds,
        examples: w.examples,
        alternatives: alternatives.map((alt) => ({
          text: mostFrequent(wanted.get(alt.key)!.surfaces),
          stems: alt.key,
        })),
      });
    }
  }
  found.sort((x, y) => byZ({ key: x.stems, y: x, odds: x }, { key: y.stems, y, odds: y }));
  return { phrases: found.slice(0, o.limit), comments: read, scored };
}

type Scored = { key: string; y: PhraseCounts; odds: LogOdds };

/**
 * Groups phrases (largest z first) that are one finding: a phrase whose comments overlap the comments of a stronger
 * phrase already chosen with a Jaccard index ≥ `minOverlap` joins it as an alternative (the first such, by z);
 * otherwise it leads a group of its own while fewer than `limit` groups exist. `keys`: every comment's phrases.
 */
export function mergeOverlapping(
  scored: readonly Scored[],
  keys: readonly (readonly string[])[],
  minOverlap: number,
  limit: number,
): { lead: Scored; alternatives: Scored[] }[] {
  const groups: { lead: Scored; alternatives: Scored[]; comments: number[] }[] = [];
  if (minOverlap > 1) return scored.slice(0, limit).map((lead) => ({ lead, alternatives: [] }));
  // The comments (indices, ascending) of each phrase scored.
  const comments = new Map<string, number[]>(scored.map((s) => [s.key, []]));
  keys.forEach((phrases, i) => {
    for (const key of phrases) comments.get(key)?.push(i);
  });
  for (const s of scored) {
    const mine = comments.get(s.key)!;
    // |A ∩ B| ≤ min(|A|, |B|) and |A ∪ B| ≥ max: the sizes alone rule most pairs out.
    const into = groups.find(
      (g) =>
        Math.min(g.comments.length, mine.length) >= minOverlap * Math.max(g.comments.length, mine.length) &&
        jaccard(g.comments, mine) >= minOverlap,
    );
    if (into) into.alternatives.push(s);
    else if (groups.length < limit) groups.push({ lead: s, alternatives: [], comments: mine });
  }
  return groups.map(({ lead, alternatives }) => ({ lead, alternatives }));
}

/** |A ∩ B| / |A ∪ B| of two ascending lists of distinct numbers. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i += 1;
    else if (a[i]! > b[j]!) j += 1;
    else {
      both += 1;
      i += 1;
      j += 1;
    }
  }
  return both / (a.length + b.length - both);
}

/** Largest z first; ties: more detractor comments, then the pair before its words (more specific), then the stems. */
function byZ(x: Scored, y: Scored) {
  return (
    y.odds.z - x.odds.z ||
    y.y.a - x.y.a ||
    wordsOf(y.key) - wordsOf(x.key) ||
    (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}
const wordsOf = (key: string) => (key.includes(" ") ? 2 : 1);

/** The most frequent key (ties: the first in alphabetical order). */
function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [k, v] of counts) {
    if (v > bestCount || (v === bestCount && k < best)) {
      best = k;
      bestCount = v;
    }
  }
  return best;
}
