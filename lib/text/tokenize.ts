// Splitting a comment into words and the punctuation that bounds clauses, with character offsets so that matched
// phrases can be highlighted in the original text (docs/text-analytics.md, "Pipeline").

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  /** Lower-cased text of the token ("can't", "überweisung", "!"). */
  readonly lower: string;
  readonly kind: TokenKind;
  /** Offsets into the original text, end exclusive (UTF-16 code units, as String.prototype.slice). */
  readonly start: number;
  readonly end: number;
}

// Letters with inner apostrophes or hyphens ("can't", "hassle-free", "E-Mails"), numbers with separators
// ("2,50", "100"), and runs of clause punctuation. Everything else (spaces, quotes, brackets, emoji) separates.
const TOKEN = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*|[.!?;:,]+/gu;

const PUNCT = /[.!?;:,]/;
const NUMBER = /\p{N}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const kind: TokenKind = PUNCT.test(raw[0]) ? "punct" : NUMBER.test(raw[0]) ? "number" : "word";
    tokens.push({ lower: raw.toLowerCase().replace(/’/g, "'"), kind, start, end: start + raw.length });
  }
  return tokens;
}
