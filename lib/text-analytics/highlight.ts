// Matched phrases of a text as plain segments (docs/text-analytics.md, "Where themes and sentiment show"): the
// stored spans are offsets into the text ([[start, end], …], end exclusive); a page renders each segment as text,
// the matched ones inside <mark>, never as HTML. Pure, and safe with any spans: out-of-range or reversed ones are
// clipped or dropped, overlapping ones joined.

export type Span = [number, number];
export type Segment = { text: string; mark: boolean };

/** Stored spans as pairs of whole numbers (a Json column: an array, or its text on some drivers); junk is dropped. */
export function readSpans(raw: unknown): Span[] {
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(v)) return [];
  return v.filter(
    (s): s is Span =>
      Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] < s[1],
  );
}

/** The text cut at the spans' edges, in order; the segments joined give the text back exactly. */
export function highlightSegments(text: string, spans: readonly Span[]): Segment[] {
  const clipped = spans
    .map(([s, e]): Span => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const [s, e] of clipped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}
