// One touchpoint on the live journey map: its promise, its measured CSAT/CES/NPS (value ± interval, n), the
// gap to each target, interaction volume and average emotion, and the themes its comments mention most. Friction points and moments of delight get a
// border colour AND a labelled icon. Every number links to the responses or interactions behind it.
import Link from "next/link";
import type { LiveFigures, Targets } from "@/lib/journeys/map";
import type { TouchpointThemes } from "@/lib/text-analytics/touchpoint-themes";
import { GAP_METRICS, type GapMetric } from "@/lib/journeys/gap";
import { useTranslations } from "next-intl";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import { Badge } from "../ui/badge";
import { GapStatusBadge } from "./gap-status";
import { TouchpointThemesList } from "./touchpoint-themes";
import { emotionText, fmt, METRIC_NAMES, plusMinus, sampleNote, signed } from "./figures";

type Tp = {
  id: string;
  name: string;
  kind: string;
  channel: { name: string } | null;
  promise: string | null;
  targets: Targets;
  live: LiveFigures;
  /** Its top themes in the map's filters (absent: not shown). */
  themes?: TouchpointThemes;
  /** Set when archived in the editor; it stays on the map while its history counts. */
  archivedAt?: Date | null;
};

const FRAME = {
  friction: "border-red-400 bg-red-50/60 border-l-4",
  delight: "border-green-500 bg-green-50/60 border-l-4",
  none: "border-slate-200 bg-white",
};

function MetricRow({
  tp,
  metric,
  dashboardHref,
  responsesHref,
  f,
}: {
  tp: Tp;
  metric: GapMetric;
  dashboardHref: string;
  responsesHref: string;
  f: Formats;
}) {
  const t = useTranslations("journeys.card");
  const tf = useTranslations("journeys.figures");
  const p = tp.live.metrics[metric];
  const target = tp.targets[metric];
  const gap = tp.live.gaps.find((g) => g.metric === metric);
  if (p.n === 0 && target === null) return null;
  return (
    <div className="border-t border-slate-200/80 py-1.5 first:border-t-0">
      <dt className="flex items-baseline justify-between gap-2 text-xs font-semibold text-slate-700">
        <span>{METRIC_NAMES[metric]}</span>
        {target !== null ? (
          <span className="font-normal text-slate-600">
            {t("target", { value: fmt(metric, target, f) })}
            {metric !== "nps" ? tf("scale", { metric }) : null}
          </span>
        ) : null}
      </dt>
      <dd className="text-sm">
        {p.n === 0 ? (
          <span className="text-slate-600">{t("noResponses")}</span>
        ) : (
          <Link
            href={dashboardHref}
            className="rounded-sm text-slate-900 hover:underline"
            aria-label={t("openDashboard", {
              metric: METRIC_NAMES[metric],
              value: fmt(metric, p.value, f),
              count: p.n,
            })}
          >
            <span className={`font-semibold tabular-nums ${p.enough ? "" : "text-slate-600"}`}>
              {fmt(metric, p.value, f)}
            </span>
            {plusMinus(p, f) ? (
              <span className="ml-1 text-xs tabular-nums text-slate-600">{plusMinus(p, f)}</span>
            ) : null}
            <span className="ml-1 text-xs whitespace-nowrap tabular-nums text-slate-600">{sampleNote(p.n, f)}</span>
          </Link>
        )}
        {p.n > 0 ? (
          <Link
            href={`${responsesHref}&metric=${metric}`}
            className="ml-2 text-xs text-brand-700 hover:underline"
            aria-label={t("responsesLabel", { count: p.n, metric: METRIC_NAMES[metric] })}
          >
            {t("responses")}
          </Link>
        ) : null}
        {gap && p.n > 0 ? (
          <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-700">
            <span className="tabular-nums">{t("gap", { value: signed(metric, gap.gap, f) })}</span>
            {gap.status !== "as_promised" ? (
              <GapStatusBadge status={gap.status} />
            ) : (
              <span className="text-slate-600">{t("withinInterval")}</span>
            )}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

export function LiveTouchpointCard({
  tp,
  query,
  responsesQuery,
  canManage = false,
}: {
  tp: Tp;
  query: string;
  responsesQuery: string;
  /** A manager or admin: the card links to the touchpoint's QR code. */
  canManage?: boolean;
}) {
  const responsesHref = `/surveys/responses?${responsesQuery}&touchpointId=${encodeURIComponent(tp.id)}`;
  const status = tp.live.status;
  const dashboardHref = `/?${query ? `${query}&` : ""}touchpointId=${encodeURIComponent(tp.id)}`;
  const { interactions } = tp.live;
  const t = useTranslations("journeys.card");
  const f = useFormats();
  return (
    <article
      className={`rounded-md border p-3 shadow-sm ${FRAME[status ?? "none"]}`}
      aria-label={t("label", { name: tp.name, status: status ?? "none" })}
      data-status={status ?? "none"}
    >
      {status ? (
        <p className="mb-1.5">
          <GapStatusBadge status={status} />
        </p>
      ) : null}
      <h3 className="text-sm font-semibold text-slate-900">{tp.name}</h3>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge>{tp.channel?.name ?? t("noChannel")}</Badge>
        <Badge tone="brand">{t("kind", { kind: tp.kind })}</Badge>
        {tp.archivedAt ? <Badge tone="warn">{t("archived")}</Badge> : null}
      </p>
      {tp.promise ? <p className="mt-2 text-xs text-slate-700 italic">“{tp.promise}”</p> : null}
      <dl className="mt-2">
        {GAP_METRICS.map((m) => (
          <MetricRow key={m} tp={tp} metric={m} dashboardHref={dashboardHref} responsesHref={responsesHref} f={f} />
        ))}
      </dl>
      <p className="mt-2 flex flex-wrap justify-between gap-x-3 border-t border-slate-200/80 pt-1.5 text-xs text-slate-700">
        <Link href={`/interactions?touchpointId=${encodeURIComponent(tp.id)}`} className="hover:underline">
          {t.rich("interactions", {
            count: interactions.count,
            b: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
          })}
        </Link>
        <span>
          {t.rich("emotion", {
            value: emotionText(interactions.average, f),
            b: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
            sr: (chunks) => <span className="sr-only">{chunks}</span>,
          })}
        </span>
      </p>
      {tp.themes ? (
        <TouchpointThemesList
          themes={tp.themes}
          themeHref={(key) => `${responsesHref}&theme=${encodeURIComponent(key)}`}
        />
      ) : null}
      {canManage ? (
        <p className="mt-1 text-xs">
          <Link
            href={`/touchpoints/${encodeURIComponent(tp.id)}/qr`}
            className="font-medium text-brand-700 hover:underline"
          >
            {t.rich("qr", { name: tp.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
