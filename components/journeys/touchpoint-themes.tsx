// What a touchpoint's comments talk about (docs/text-analytics.md, "Top themes per touchpoint"): its top themes with
// the share of its analysed comments that mention each, their mean sentiment in words (not colour alone) and n. Below
// 30 comments every share reads "too few comments"; the figures stay visible beside it. The journey map's detail panel
// lists them (TouchpointThemesList); the gap report shows the first three as chips with the rest on demand.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { labelFor } from "@/lib/text/sentiment";
import type { Formats } from "@/lib/i18n/format";
import type { TouchpointTheme, TouchpointThemes } from "@/lib/text-analytics/touchpoint-themes";
import { useFormats } from "@/components/i18n/use-formats";

const CHIPS = 3;

type T = ReturnType<typeof useTranslations<"journeys.themes">>;

const pct = (x: number | null, f: Formats) => (x === null ? "—" : f.percent(x, 0));

/** "negative (−0.41)"; "—" without a mean. */
function sentimentWords(t: TouchpointTheme, tr: T, f: Formats): string {
  const m = t.sentiment.mean;
  return m === null ? "—" : tr("sentimentValue", { label: labelFor(m), mean: f.number(m, 2) });
}

/** What the shares are of: "Share of the analysed comments (n = 120)." / "Too few comments for shares (n = 12)." */
function baseText(t: TouchpointThemes, tr: T, f: Formats): string {
  if (t.comments === 0) return tr("noComments");
  return t.enough ? tr("shareOf", { n: f.nEquals(t.comments) }) : tr("tooFewShares", { n: f.nEquals(t.comments) });
}

function ThemeLine({ t, enough, href }: { t: TouchpointTheme; enough: boolean; href?: string }) {
  const tr = useTranslations("journeys.themes");
  const f = useFormats();
  const name = href ? (
    <Link href={href} className="font-medium text-slate-900 hover:underline">
      {t.name}
      <span className="sr-only">{tr("theComments")}</span>
    </Link>
  ) : (
    <span className="font-medium text-slate-900">{t.name}</span>
  );
  return (
    <li className="py-1" data-theme={t.key}>
      <span className="flex flex-wrap items-baseline justify-between gap-x-2">
        {name}
        <span className={`tabular-nums ${enough ? "font-semibold text-slate-900" : "text-slate-600"}`}>
          {pct(t.share.share, f)}
          <span className="ml-1 text-xs font-normal whitespace-nowrap text-slate-600">({f.nEquals(t.mentions)})</span>
        </span>
      </span>
      <span className="block text-xs text-slate-600">
        {tr("sentiment", { value: sentimentWords(t, tr, f) })}
        {enough && t.share.low !== null && t.share.high !== null ? (
          <>
            {" "}
            ·{" "}
            <span className="whitespace-nowrap tabular-nums">
              {tr("interval", { low: f.number(t.share.low, 0), high: pct(t.share.high, f) })}
            </span>
          </>
        ) : null}
      </span>
    </li>
  );
}

/** The detail panel's list: heading, base (n), each top theme; optional links to the comments behind each theme. */
export function TouchpointThemesList({
  themes,
  themeHref,
}: {
  themes: TouchpointThemes;
  /** The response inbox filtered to the theme (and the touchpoint). */
  themeHref?: (key: string) => string;
}) {
  const tr = useTranslations("journeys.themes");
  const f = useFormats();
  return (
    <section className="mt-2 border-t border-slate-200/80 pt-1.5" data-testid="touchpoint-themes">
      <h4 className="text-xs font-semibold text-slate-700">{tr("heading")}</h4>
      <p className="text-xs text-slate-600">{baseText(themes, tr, f)}</p>
      {themes.themes.length > 0 ? (
        <ul className="text-sm">
          {themes.themes.map((t) => (
            <ThemeLine key={t.key} t={t} enough={themes.enough} href={themeHref?.(t.key)} />
          ))}
        </ul>
      ) : themes.comments > 0 ? (
        <p className="text-xs text-slate-600">{tr("noTheme")}</p>
      ) : null}
      {themes.more > 0 ? <p className="text-xs text-slate-600">{tr("more", { count: themes.more })}</p> : null}
    </section>
  );
}

/** The gap report's cell: the first three themes as chips with their share, every listed theme on demand. */
export function ThemeChips({ themes }: { themes: TouchpointThemes }) {
  const tr = useTranslations("journeys.themes");
  const f = useFormats();
  if (themes.comments === 0)
    return <span className="mt-1 block text-xs font-normal text-slate-600">{tr("chipsNoComments")}</span>;
  if (themes.themes.length === 0)
    return (
      <span className="mt-1 block text-xs font-normal text-slate-600">
        {tr("chipsNoTheme", { n: f.nEquals(themes.comments) })}
      </span>
    );
  return (
    <div className="mt-1 font-normal" data-testid="theme-chips">
      <ul className="flex flex-wrap gap-1" aria-label={tr("top")}>
        {themes.themes.slice(0, CHIPS).map((t) => (
          <li
            key={t.key}
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs whitespace-nowrap text-slate-800 ring-1 ring-slate-200 ring-inset"
          >
            {t.name} <span className="font-semibold tabular-nums">{pct(t.share.share, f)}</span>
          </li>
        ))}
      </ul>
      <details className="mt-1 text-xs print:hidden">
        <summary className="cursor-pointer text-brand-700">
          {tr("chipsSummary", { enough: String(themes.enough), n: f.nEquals(themes.comments) })}
        </summary>
        <ul className="mt-1 space-y-1">
          {themes.themes.map((t) => (
            <li key={t.key}>
              <span className="font-medium text-slate-900">{t.name}</span>{" "}
              <span className="tabular-nums">
                {pct(t.share.share, f)} ({f.nEquals(t.mentions)})
              </span>
              <span className="block text-slate-600">{tr("sentimentLower", { value: sentimentWords(t, tr, f) })}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
