// porterStem must give exactly what wink-eng-lite-web-model's porter-stemmer.js gives (docs/text-analytics.md,
// "Speed"): compared on every word of the evaluation set, the word lists and the starter taxonomy, on each of those
// with every suffix the stemmer's steps know, and on generated strings (letters, "y" and "3", apostrophes,
// capitals, umlauts): 209,340 words. STEMMER_WORDS=full runs the long comparison — every word with every suffix,
// also cut by one and two letters before it, and 3 million generated strings: 7,257,410 words, no difference either
// (about a minute).
import { describe, expect, it } from "vitest";
import { loadEvaluationSet } from "./evaluation";
import { LEXICON_WORDS } from "./lexicon";
import { canStem, porterStem } from "./porter-stemmer";
import { STARTER_TAXONOMY } from "./starter-taxonomy";
import { loadAfinn, stemEnglish } from "./vendor";

const FULL = process.env.STEMMER_WORDS === "full";
const TIMEOUT = FULL ? 900_000 : undefined;

const SUFFIXES = [
  ...["", "s", "es", "ed", "ing", "ly", "edly", "ingly", "eed", "eedly", "ied", "ies", "sses", "us", "ss", "y"],
  ...["ational", "tional", "ization", "fulness", "ousness", "iveness", "biliti", "lessli", "entli", "ation"],
  ...["alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator", "alli", "bli", "ogi"],
  ...["logi", "li", "cli", "tli", "alize", "icate", "iciti", "ative", "ical", "ness", "ful", "ement", "ance"],
  ...["ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion"],
  ...["tion", "al", "er", "ic", "e", "le", "ll", "l", "'s", "’s", "s'", "'", "at", "bl", "iz", "bb", "ing3", "y's"],
];

function words(): string[] {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const w of text.toLowerCase().split(/[^\p{L}'’-]+/u)) if (w) out.add(w);
  };
  for (const item of loadEvaluationSet()) add(item.text);
  for (const w of Object.keys(loadAfinn())) add(w);
  const en = LEXICON_WORDS.en;
  for (const w of [...Object.keys(en.valence), ...Object.keys(en.negatedValence), ...en.negators]) add(w);
  for (const theme of STARTER_TAXONOMY) for (const p of theme.phrases.en ?? []) add(p.replace(/\*/g, ""));
  return [...out];
}

function differences(list: Iterable<string>): { checked: number; different: string[] } {
  let checked = 0;
  const different: string[] = [];
  for (const w of list) {
    checked += 1;
    if (porterStem(w) !== stemEnglish(w)) different.push(w);
  }
  return { checked, different };
}

describe("porterStem", () => {
  it(
    "gives the package's stems on real words and on them with the suffixes its steps know",
    () => {
      const base = words();
      expect(base.length).toBeGreaterThan(4000);
      const { checked, different } = differences(
        (function* () {
          // Every word, and each with a quarter of the suffixes (a different quarter from word to word).
          for (let i = 0; i < base.length; i += 1) {
            yield base[i]!;
            for (let j = FULL ? 0 : i % 4; j < SUFFIXES.length; j += FULL ? 1 : 4) {
              for (const cut of FULL ? [0, 1, 2] : [0]) yield base[i]!.slice(0, base[i]!.length - cut) + SUFFIXES[j];
            }
          }
        })(),
      );
      expect(checked).toBeGreaterThan(100_000);
      expect(different).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "gives the package's stems on generated strings",
    () => {
      let seed = 20261205;
      const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const alphabet = "aeiouyyy3bcdfghjklmnpqrstvwxzsslltteeiiedngy'’éüAEY-ß";
      const { checked, different } = differences(
        (function* () {
          for (let k = 0; k < (FULL ? 3_000_000 : 50_000); k += 1) {
            let w = "";
            for (let j = Math.floor(random() * 12); j >= 0; j -= 1)
              w += alphabet[Math.floor(random() * alphabet.length)];
            yield w;
            yield w + SUFFIXES[Math.floor(random() * SUFFIXES.length)];
          }
        })(),
      );
      expect(checked).toBe(FULL ? 6_000_000 : 100_000);
      expect(different).toEqual([]);
    },
    TIMEOUT,
  );

  it("gives the package's stems on the cases its quirks concern", () => {
    const cases = [
      ...["generous", "generational", "communal", "community", "arsenal", "gener", "commun", "arsen"],
      ...["yyy", "ayay", "say", "sayings", "skis", "skies", "news", "inning", "innings", "proceeding", "exceedingly"],
      ...["succeeded", "agreed", "feed", "bleed", "hopping", "hoping", "hopeful", "relational", "conditional"],
      ...["sensibility", "emotionally", "dying", "early", "eed", "ied", "ies", "sses", "us", "ss", "a", "ab", ""],
      ...["3", "33y", "y", "yes", "$$$$$", "x$$$$$", "ab$$$$$li", "boss's", "bosses'", "o'", "CHARGED", "Überweisung"],
    ];
    expect(differences(cases).different).toEqual([]);
    expect(porterStem("charged")).toBe("charg");
    expect(porterStem("generously")).toBe(stemEnglish("generously"));
  });

  it("leaves input with a line terminator to the package", () => {
    expect(canStem("charged")).toBe(true);
    expect(canStem("a\nb")).toBe(false);
    expect(canStem("a\u2028b")).toBe(false);
  });
});
