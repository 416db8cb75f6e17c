// The English stemmer of wink-eng-lite-web-model (its dist/porter-stemmer.js, a Porter2 variant) rewritten without
// regular expressions: the same steps in the same order with the same quirks, on plain string operations, several
// times faster on words it has not seen (docs/text-analytics.md, "Speed"). It must give exactly the package's
// output for every input: lib/text/porter-stemmer.test.ts compares both on every word of the evaluation set and
// the word lists plus a generated list of several hundred thousand words. The package's quirks kept here:
// only the first vowel + "y" is marked in the prelude; "s'" drops the s; step 2 and 3 check that the longest
// listed suffix occurs anywhere in R1 (not that it ends R1) and then apply the first rule of their list that fits;
// step 5 removes "e" when R2 contains an "e" anywhere; "3" in the input is read as a marked "y" and output as "y".

const EXCEPTIONS = new Map<string, string>([
  ["skis", "ski"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["only", "onli"],
  ["singly", "singl"],
  ["sky", "sky"],
  ["news", "news"],
  ["atlas", "atlas"],
  ["cosmos", "cosmos"],
  ["bias", "bias"],
  ["andes", "andes"],
]);

const EXCEPTIONS_2 = new Set(["inning", "outing", "canning", "herring", "proceed", "exceed", "succeed", "earring"]);

/** a e i o u y — the vowels of the package's regions and short syllables ("3", a marked y, is not one). */
function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/** A line terminator, which "." in the package's expressions does not match (see canStem). */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * /[aeiouy]+([^aeiouy]{1}.+)/ on s.slice(from): the start (in s) of its group 1 plus one — the region after the
 * first non-vowel that follows a vowel — or -1 when the expression does not match (no vowel, or fewer than two
 * characters after the first run of vowels; a later run of vowels cannot match when the first does not).
 */
function regionAfter(s: string, from: number): number {
  const n = s.length;
  let i = from;
  while (i < n && !isVowel(s.charCodeAt(i))) i += 1;
  if (i === n) return -1;
  while (i < n && isVowel(s.charCodeAt(i))) i += 1;
  return i + 1 < n ? i + 1 : -1;
}

/** The package's markRegions as start offsets into s (R1 and R2 are suffixes of s; s.length when empty). */
function markRegions(s: string): { r1: number; r2: number } {
  const n = s.length;
  if (regionAfter(s, 0) === -1) return { r1: n, r2: n };
  const r1 = s.startsWith("gener") || s.startsWith("arsen") ? 5 : s.startsWith("commun") ? 6 : regionAfter(s, 0);
  const r2 = regionAfter(s, r1);
  return { r1, r2: r2 === -1 ? n : r2 };
}

/** Whether s.slice(from) contains `part`. */
function regionHas(s: string, from: number, part: string): boolean {
  return s.indexOf(part, from) !== -1;
}

/** /[^aeiouy][aeiouy][^aeiouywx3]$/ or /^[aeiouy][^aeiouy]{0,1}$/. */
function isShort(s: string): boolean {
  const n = s.length;
  if (n >= 3) {
    const c = s.charCodeAt(n - 1);
    if (
      !isVowel(s.charCodeAt(n - 3)) &&
      isVowel(s.charCodeAt(n - 2)) &&
      !isVowel(c) &&
      c !== 119 &&
      c !== 120 &&
      c !== 51
    )
      return true;
  }
  if (n === 1) return isVowel(s.charCodeAt(0));
  if (n === 2) return isVowel(s.charCodeAt(0)) && !isVowel(s.charCodeAt(1));
  return false;
}

function prelude(input: string): string {
  let s = input;
  if (s.charCodeAt(0) === 121) s = "3" + s.slice(1);
  // The first vowel (not y) followed by y: only the first, as the package's non-global replace.
  for (let i = 0; i + 1 < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if ((c === 97 || c === 101 || c === 105 || c === 111 || c === 117) && s.charCodeAt(i + 1) === 121) {
      s = s.slice(0, i + 1) + "3" + s.slice(i + 2);
      break;
    }
  }
  if (s.endsWith("’s") || s.endsWith("'s")) s = s.slice(0, -2);
  if (s.endsWith("s’") || s.endsWith("s'")) s = s.slice(0, -2);
  if (s.endsWith("’") || s.endsWith("'")) s = s.slice(0, -1);
  return s;
}

function step1a(s: string): string {
  const n = s.length;
  if (n >= 5 && s.endsWith("sses")) return s.slice(0, -4) + "ss";
  if (s.endsWith("ied") || s.endsWith("ies")) {
    if (n >= 5) return s.slice(0, -3) + "i";
    if (n >= 4) return s.slice(0, -3) + "ie";
  }
  if (n >= 3 && (s.endsWith("us") || s.endsWith("ss"))) return s;
  if (n >= 2 && s.charCodeAt(n - 1) === 115) {
    // /[aeiuouy](.+)$/ on the word without its s: a vowel with at least one character after it.
    const w = s.slice(0, -1);
    for (let i = 0; i + 1 < w.length; i += 1) if (isVowel(w.charCodeAt(i))) return w;
  }
  return s;
}

const DOUBLES = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);

function step1b(s: string): string {
  const n = s.length;
  const eed = s.endsWith("eedly") ? 5 : s.endsWith("eed") ? 3 : 0;
  if (eed > 0) {
    const rg = markRegions(s);
    const r1 = s.slice(rg.r1);
    return r1.endsWith("eedly") || r1.endsWith("eed") ? s.slice(0, n - eed) + "ee" : s;
  }
  const suffix = s.endsWith("ed") ? 2 : s.endsWith("ing") ? 3 : s.endsWith("edly") ? 4 : s.endsWith("ingly") ? 5 : 0;
  if (suffix === 0) return s;
  // ([aeiouy].*) before the suffix: a vowel before it.
  const cut = n - suffix;
  let vowel = false;
  for (let i = 0; i < cut && !vowel; i += 1) vowel = isVowel(s.charCodeAt(i));
  if (!vowel) return s;
  const sd = s.slice(0, cut);
  if (sd.endsWith("at") || sd.endsWith("bl") || sd.endsWith("iz")) return sd + "e";
  if (sd.length >= 2 && DOUBLES.has(sd.slice(-2))) return sd.slice(0, -1);
  if (isShort(sd) && markRegions(sd).r1 === sd.length) return sd + "e";
  return sd;
}

function step1c(s: string): string {
  const n = s.length;
  if (n < 3) return s;
  const last = s.charCodeAt(n - 1);
  if ((last === 121 || last === 51) && !isVowel(s.charCodeAt(n - 2))) return s.slice(0, -1) + "i";
  return s;
}

/** The longest of `suffixes` that s ends with (the package's unanchored match), or "$$$$$" as the package. */
function longestSuffix(s: string, suffixes: readonly string[]): string {
  let best = "$$$$$";
  for (const x of suffixes) if ((best === "$$$$$" || x.length > best.length) && s.endsWith(x)) best = x;
  return best;
}

const STEP2 = [
  "ization",
  "ational",
  "fulness",
  "ousness",
  "iveness",
  "tional",
  "biliti",
  "lessli",
  "entli",
  "ation",
  "alism",
  "aliti",
  "ousli",
  "iviti",
  "fulli",
  "enci",
  "anci",
  "abli",
  "izer",
  "ator",
  "alli",
  "bli",
  "ogi",
  "li",
] as const;

/** Step 2's rules in the package's order: [suffix, replacement]. */
const STEP2_RULES: ReadonlyArray<readonly [string, string]> = [
  ["ational", "ate"],
  ["ization", "ize"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["tional", "tion"],
  ["biliti", "ble"],
  ["lessli", "less"],
  ["iviti", "ive"],
  ["ousli", "ous"],
  ["ation", "ate"],
  ["entli", "ent"],
  ["alism", "al"],
  ["aliti", "al"],
  ["fulli", "ful"],
  ["alli", "al"],
  ["ator", "ate"],
  ["izer", "ize"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["bli", "ble"],
];

const LI_ENDING = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);

function step2(s: string): string {
  const rg = markRegions(s);
  if (!regionHas(s, rg.r1, longestSuffix(s, STEP2))) return s;
  for (const [suffix, replacement] of STEP2_RULES) {
    if (s.endsWith(suffix)) return s.slice(0, s.length - suffix.length) + replacement;
  }
  // /(.*)(l)(ogi)$/ → "$1$2og" and /(.*)([cdeghkmnrt])(li)$/ → "$1$2".
  if (s.endsWith("logi")) return s.slice(0, -1);
  if (s.length >= 3 && s.endsWith("li") && LI_ENDING.has(s[s.length - 3])) return s.slice(0, -2);
  return s;
}

const STEP3 = ["ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful"] as const;
const STEP3_RULES: ReadonlyArray<readonly [string, string]> = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ness", ""],
  ["ful", ""],
];

function step3(s: string): string {
  const rg = markRegions(s);
  if (!regionHas(s, rg.r1, longestSuffix(s, STEP3))) return s;
  for (const [suffix, replacement] of STEP3_RULES) {
    if (s.endsWith(suffix)) return s.slice(0, s.length - suffix.length) + replacement;
  }
  if (regionHas(s, rg.r2, "ative")) return s.endsWith("ative") ? s.slice(0, -5) : s;
  return s;
}

const STEP4 = [
  "ement",
  "ance",
  "ence",
  "able",
  "ible",
  "ment",
  "ant",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "al",
  "er",
  "ic",
] as const;

function step4(s: string): string {
  const rg = markRegions(s);
  const plain = longestSuffix(s, STEP4);
  const ion = plain === "$$$$$" && s.endsWith("ion");
  if (plain === "$$$$$" && !ion) return s;
  if (!regionHas(s, rg.r2, ion ? "ion" : plain)) return s;
  if (!ion) return s.slice(0, s.length - plain.length);
  return s.endsWith("sion") || s.endsWith("tion") ? s.slice(0, -3) : s;
}

function step5(s: string): string {
  const rg = markRegions(s);
  if (s.endsWith("e")) {
    const preceding = s.slice(0, -1);
    return regionHas(s, rg.r2, "e") || (regionHas(s, rg.r1, "e") && !isShort(preceding)) ? preceding : s;
  }
  if (s.endsWith("l") && rg.r2 < s.length) return s.endsWith("ll") ? s.slice(0, -1) : s;
  return s;
}

/**
 * The stem of one word, exactly as wink-eng-lite-web-model's porter-stemmer.js gives it. For input with a line
 * terminator (never a word from the tokenizer) call the package's stemmer instead: see `canStem`.
 */
export function porterStem(word: string): string {
  let s = word.toLowerCase();
  if (s.length < 3) return s;
  const exception = EXCEPTIONS.get(s);
  if (exception !== undefined) return exception;
  s = step1a(prelude(s));
  if (!EXCEPTIONS_2.has(s)) s = step5(step4(step3(step2(step1c(step1b(s))))));
  return s.includes("3") ? s.replaceAll("3", "y") : s;
}

/** Whether porterStem handles this input (no line terminators, which the package's "." treats apart). */
export function canStem(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if (isLineTerminator(word.charCodeAt(i))) return false;
  return true;
}
