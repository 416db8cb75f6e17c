// A comment or note with its stored analysis (docs/text-analytics.md, "Where themes and sentiment show"): the words
// that matched a theme inside <mark>, the sentiment label in words (not colour alone) and the themes by name. The
// text is cut into React text nodes at the stored offsets, never inserted as HTML. No hooks: rendered by server
// pages and by "Load more" in the browser.
import { highlightSegments, type Span } from "@/lib/text-analytics/highlight";
import { Badge, type BadgeTone } from "../ui/badge";

type Insight = {
  sentiment: { score: number | null; label: string; language: string } | null;
  themes: { key: string; name: string; spans: Span[] }[];
};

const SENTIMENT: Record<string, { text: string; tone: BadgeTone }> = {
  negative: { text: "Negative", tone: "danger" },
  neutral: { text: "Neutral", tone: "neutral" },
  positive: { text: "Positive", tone: "ok" },
};

export function HighlightedText({ text, themes }: { text: string; themes: Insight["themes"] }) {
  const segments = highlightSegments(
    text,
    themes.flatMap((t) => t.spans),
  );
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit ring-1 ring-amber-300">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

/** The sentiment label and the themes' names; nothing for a text not analysed (or in an unsupported language). */
export function InsightBadges({ insight }: { insight: Insight }) {
  const s = insight.sentiment ? SENTIMENT[insight.sentiment.label] : undefined;
  if (!s && insight.themes.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="text-insight">
      {s ? (
        <Badge tone={s.tone}>
          <span data-testid="sentiment-label" data-label={insight.sentiment?.label}>
            Sentiment: {s.text}
          </span>
        </Badge>
      ) : null}
      {insight.themes.map((t) => (
        <Badge key={t.key} tone="brand">
          <span className="sr-only">Theme: </span>
          {t.name}
        </Badge>
      ))}
    </span>
  );
}

export const SENTIMENT_OPTIONS = [
  { value: "negative", label: "Negative" },
  { value: "neutral", label: "Neutral" },
  { value: "positive", label: "Positive" },
];
