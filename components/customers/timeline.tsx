// A customer's timeline: interactions, survey responses and cases in one list, newest first.
import Link from "next/link";
import { ClipboardList, LifeBuoy, MessagesSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TimelineItem } from "@/lib/customers/timeline";
import type { CASE_STATUSES } from "@/lib/cases/schema";

type CaseStatus = (typeof CASE_STATUSES)[number];
import { useFormats } from "../i18n/use-formats";
import { Badge } from "../ui/badge";
import { EmotionLabel, OutcomeBadge, ScoreLabel } from "../interactions/labels";
import { HighlightedText, InsightBadges } from "../text-analytics/text-insight";

const KIND = {
  interaction: MessagesSquare,
  response: ClipboardList,
  case: LifeBuoy,
} as const;

function Body({ item }: { item: TimelineItem }) {
  const t = useTranslations("customers.timeline");
  const tc = useTranslations("cases.status");
  if (item.kind === "interaction") {
    const i = item.interaction;
    return (
      <>
        <p className="text-sm font-medium text-slate-900">{i.touchpoint?.name ?? t("noTouchpoint")}</p>
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
          <OutcomeBadge outcome={i.outcome} />
          <EmotionLabel emotion={i.emotion} />
          {i.channel ? <span>{i.channel}</span> : null}
          {i.staff ? <span>{t("by", { name: i.staff })}</span> : null}
        </div>
        {i.note ? (
          <>
            <p className="mt-2 text-sm break-words text-slate-800" data-testid="note">
              <HighlightedText text={i.note} themes={i.themes} />
            </p>
            <div className="mt-1.5">
              <InsightBadges insight={i} />
            </div>
          </>
        ) : null}
      </>
    );
  }
  if (item.kind === "response") {
    const r = item.response;
    return (
      <>
        <p className="text-sm font-medium text-slate-900">{r.survey.name}</p>
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
          <ScoreLabel metric={r.metric} score={r.score} category={r.category} />
          {r.touchpoint ? <span>{t("at", { touchpoint: r.touchpoint.name })}</span> : null}
          {!r.completed ? <span className="text-slate-500">{t("partial")}</span> : null}
        </div>
        {r.comment ? (
          <blockquote className="mt-2 border-l-2 border-slate-200 pl-3 text-sm break-words text-slate-800">
            <HighlightedText text={r.comment} themes={r.themes} />
          </blockquote>
        ) : null}
        {r.comment ? (
          <div className="mt-1.5">
            <InsightBadges insight={r} />
          </div>
        ) : null}
      </>
    );
  }
  const k = item.case;
  return (
    <>
      <p className="text-sm font-medium text-slate-900">
        <Link href={`/cases?status=${k.status}`} className="underline">
          {k.title}
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
        <Badge tone={k.status === "resolved" ? "ok" : k.status === "open" ? "warn" : "neutral"}>
          {tc(k.status as CaseStatus)}
        </Badge>
        {k.owner ? <span>{t("owner", { name: k.owner })}</span> : <span>{t("unassigned")}</span>}
      </div>
    </>
  );
}

export function Timeline({ items }: { items: TimelineItem[] }) {
  const t = useTranslations("customers.timeline");
  const f = useFormats();
  return (
    <ol className="flex flex-col gap-3">
      {items.map((item) => {
        const Icon = KIND[item.kind];
        return (
          <li key={`${item.kind}-${item.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="mb-1 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
              <span className="inline-flex items-center gap-1.5 font-medium tracking-wide uppercase">
                <Icon aria-hidden="true" size={14} /> {t(item.kind)}
              </span>
              <time dateTime={item.at.toISOString()}>{f.dateTime(item.at)}</time>
            </div>
            <Body item={item} />
          </li>
        );
      })}
    </ol>
  );
}
