// A comment or note with its stored analysis (docs/text-analytics.md, "Where themes and sentiment show"): the words
// that matched a theme inside <mark>, the sentiment label in words (not colour alone) and the themes by name. The
// text is cut into React text nodes at the stored offsets, never inserted as HTML. Rendered by server pages and by
// "Load more" in the browser: a page that can load more names "reports.textAnalytics.insight" in its ClientMessages.
import { useTranslations } from "next-intl";
import { highlightSegments, type Span } from "@/lib/text-analytics/highlight";
import { Badge, type BadgeTone } from "../ui/badge";

type Insight = {
  sentiment: { score: number | null; label: string; language: string } | null;
  themes: { key: string; name: string; spans: Span[] }[];
};

const SENTIMENTS = ["negative", "neutral", "positive"] as const;
type Sentiment = (typeof SENTIMENTS)[number];
const TONE: Record<Sentiment, BadgeTone> = { negative: "danger", neutral: "neutral", positive: "ok" };
const isSentiment = (label: string | undefined): label is Sentiment => SENTIMENTS.some((s) => s === label);

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
  const t = useTranslations("reports.textAnalytics.insight");
  const label = insight.sentiment?.label;
  const s = isSentiment(label) ? label : undefined;
  if (!s && insight.themes.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="text-insight">
      {s ? (
        <Badge tone={TONE[s]}>
          <span data-testid="sentiment-label" data-label={insight.sentiment?.label}>
            {t("sentiment", { label: t(`sentiments.${s}`) })}
          </span>
        </Badge>
      ) : null}
      {insight.themes.map((theme) => (
        <Badge key={theme.key} tone="brand">
          <span className="sr-only">{t("theme")} </span>
          {theme.name}
        </Badge>
      ))}
    </span>
  );
}

/** The sentiment filter's choices in the page's language (the interactions list and the inbox). */
export function useSentimentOptions(): { value: Sentiment; label: string }[] {
  const t = useTranslations("reports.textAnalytics.insight.sentiments");
  return SENTIMENTS.map((value) => ({ value, label: t(value) }));
}
