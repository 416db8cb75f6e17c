// One response in the inbox: the score chip (coloured by category), who and where, the comment, and every
// answer behind a disclosure. No hooks: rendered by the server page and by "Load more" in the browser.
import Link from "next/link";
import { FolderOpen, MessageSquareText, UserRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { ResponseItem } from "@/lib/responses/service";
import { Badge } from "../ui/badge";
import { HighlightedText, InsightBadges } from "../text-analytics/text-insight";
import { isoString } from "../ui/format";
import { useFormats } from "../i18n/use-formats";
import { categoryTone, isCategory, METRIC_LABELS } from "./category";
import { CASE_STATUS_TONES } from "../cases/case-labels";
import { languageName } from "../survey-builder/languages";

/** A response as the page has it (dates) or as the API sends it (ISO strings). */
export type CardResponse = Omit<ResponseItem, "submittedAt" | "completedAt"> & {
  submittedAt: Date | string;
  completedAt: Date | string | null;
};

function ScoreChip({ r }: { r: CardResponse }) {
  const t = useTranslations("surveys.inbox.card");
  const tCategory = useTranslations("surveys.category");
  if (r.score === null) return <Badge tone="neutral">{t("noScore")}</Badge>;
  const label = [
    `${METRIC_LABELS[r.metric ?? ""] ?? t("score")} ${r.score}`,
    isCategory(r.category) ? tCategory(r.category) : r.category,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <Badge tone={categoryTone(r.category)} className="text-sm">
      <span data-testid="score-chip" data-category={r.category ?? ""}>
        {label}
      </span>
    </Badge>
  );
}

export function ResponseCard({ r }: { r: CardResponse }) {
  const headingId = `response-${r.id}`;
  const where = [r.touchpoint?.name, r.channel?.name].filter(Boolean).join(" · ");
  const t = useTranslations("surveys.inbox.card");
  const tCases = useTranslations("cases.statusLabel");
  const f = useFormats();
  const uiLocale = useLocale();
  return (
    <article
      tabIndex={-1}
      data-response-id={r.id}
      aria-labelledby={headingId}
      data-testid="response-card"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <ScoreChip r={r} />
          <h2 id={headingId} className="min-w-0 text-sm font-semibold break-words text-slate-900">
            {r.survey.name}
          </h2>
          {r.completed ? null : <Badge tone="neutral">{t("partial")}</Badge>}
        </div>
        <time dateTime={isoString(r.submittedAt)} className="text-xs whitespace-nowrap text-slate-600">
          {f.dateTime(r.submittedAt)}
        </time>
      </div>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span className="inline-flex min-w-0 items-center gap-1">
          <UserRound aria-hidden="true" size={14} className="shrink-0 text-slate-500" />
          {r.customer ? (
            <Link
              href={`/customers/${r.customer.id}`}
              className="min-w-0 font-medium break-all text-brand-700 underline-offset-2 hover:underline"
            >
              {r.customer.name || r.customer.email || t("customer")}
            </Link>
          ) : (
            <span className="text-slate-600">{t("anonymous")}</span>
          )}
        </span>
        {where ? <span className="text-slate-600">{where}</span> : null}
        {r.locale ? (
          <span className="text-slate-600">{t("language", { locale: languageName(r.locale, uiLocale) })}</span>
        ) : null}
        {r.case ? (
          <Link
            href={`/cases/${r.case.id}`}
            className="inline-flex items-center gap-1 font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            <FolderOpen aria-hidden="true" size={14} className="shrink-0" />
            {t("case", {
              status: CASE_STATUS_TONES[r.case.status]
                ? tCases(r.case.status as "open" | "in_progress" | "resolved")
                : r.case.status,
            })}
          </Link>
        ) : null}
      </p>
      {r.comment ? (
        <blockquote className="mt-3 flex gap-2 border-l-4 border-slate-200 pl-3 text-sm break-words whitespace-pre-line text-slate-800">
          <MessageSquareText aria-hidden="true" size={16} className="mt-0.5 shrink-0 text-slate-400" />
          <span data-testid="comment">
            <HighlightedText text={r.comment} themes={r.themes} />
          </span>
        </blockquote>
      ) : null}
      {r.comment ? (
        <div className="mt-2">
          <InsightBadges insight={r} />
        </div>
      ) : null}
      {r.answers.length ? (
        <details className="mt-3 text-sm">
          <summary className="inline-flex min-h-9 cursor-pointer items-center rounded-md px-1 font-medium text-brand-700">
            {t("allAnswers", { count: r.answers.length })}
          </summary>
          <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            {r.answers.map((a) => (
              <div key={a.questionId} className="contents">
                <dt className="text-slate-600">{a.question}</dt>
                <dd className="mb-1 break-words text-slate-900 sm:mb-0">
                  {a.display || <span className="text-slate-500">—</span>}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </article>
  );
}
