// One touchpoint on the live journey map: its promise, its measured CSAT/CES/NPS (value ± interval, n), the
// gap to each target, interaction volume and average emotion, and the themes its comments mention most. Friction points and moments of delight get a
// border colour AND a labelled icon. Every number links to the responses or interactions behind it.
import Link from "next/link";
import type { LiveFigures, Targets } from "@/lib/journeys/map";
import type { TouchpointThemes } from "@/lib/text-analytics/touchpoint-themes";
import { GAP_METRICS, type GapMetric } from "@/lib/journeys/gap";
import { Badge } from "../ui/badge";
import { formatCount } from "../ui/format";
import { GapStatusBadge } from "./gap-status";
import { TouchpointThemesList } from "./touchpoint-themes";
import { emotionText, fmt, METRIC_NAMES, plusMinus, sampleNote, SCALE_SUFFIX, signed } from "./figures";

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

const KIND_LABELS: Record<string, string> = { digital: "Digital", human: "Human", physical: "Physical" };
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
}: {
  tp: Tp;
  metric: GapMetric;
  dashboardHref: string;
  responsesHref: string;
}) {
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
            target {fmt(metric, target)}
            {SCALE_SUFFIX[metric]}
          </span>
        ) : null}
      </dt>
      <dd className="text-sm">
        {p.n === 0 ? (
          <span className="text-slate-600">no responses</span>
        ) : (
          <Link
            href={dashboardHref}
            className="rounded-sm text-slate-900 hover:underline"
            aria-label={`${METRIC_NAMES[metric]} ${fmt(metric, p.value)}, ${p.n} responses: open on the dashboard`}
          >
            <span className={`font-semibold tabular-nums ${p.enough ? "" : "text-slate-600"}`}>
              {fmt(metric, p.value)}
            </span>
            {plusMinus(p) ? <span className="ml-1 text-xs tabular-nums text-slate-600">{plusMinus(p)}</span> : null}
            <span className="ml-1 text-xs whitespace-nowrap tabular-nums text-slate-600">{sampleNote(p.n)}</span>
          </Link>
        )}
        {p.n > 0 ? (
          <Link
            href={`${responsesHref}&metric=${metric}`}
            className="ml-2 text-xs text-brand-700 hover:underline"
            aria-label={`The ${formatCount(p.n)} ${METRIC_NAMES[metric]} responses behind this figure`}
          >
            responses
          </Link>
        ) : null}
        {gap && p.n > 0 ? (
          <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-700">
            <span className="tabular-nums">gap {signed(metric, gap.gap)}</span>
            {gap.status !== "as_promised" ? (
              <GapStatusBadge status={gap.status} />
            ) : (
              <span className="text-slate-600">within the interval</span>
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
  return (
    <article
      className={`rounded-md border p-3 shadow-sm ${FRAME[status ?? "none"]}`}
      aria-label={`${tp.name}${status === "friction" ? ", friction point" : status === "delight" ? ", moment of delight" : ""}`}
      data-status={status ?? "none"}
    >
      {status ? (
        <p className="mb-1.5">
          <GapStatusBadge status={status} />
        </p>
      ) : null}
      <h3 className="text-sm font-semibold text-slate-900">{tp.name}</h3>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge>{tp.channel?.name ?? "No channel"}</Badge>
        <Badge tone="brand">{KIND_LABELS[tp.kind] ?? tp.kind}</Badge>
        {tp.archivedAt ? <Badge tone="warn">Archived</Badge> : null}
      </p>
      {tp.promise ? <p className="mt-2 text-xs text-slate-700 italic">“{tp.promise}”</p> : null}
      <dl className="mt-2">
        {GAP_METRICS.map((m) => (
          <MetricRow key={m} tp={tp} metric={m} dashboardHref={dashboardHref} responsesHref={responsesHref} />
        ))}
      </dl>
      <p className="mt-2 flex flex-wrap justify-between gap-x-3 border-t border-slate-200/80 pt-1.5 text-xs text-slate-700">
        <Link href={`/interactions?touchpointId=${encodeURIComponent(tp.id)}`} className="hover:underline">
          <span className="font-semibold tabular-nums">{formatCount(interactions.count)}</span> interactions
        </Link>
        <span>
          emotion <span className="font-semibold tabular-nums">{emotionText(interactions.average)}</span>
          <span className="sr-only"> on −2 to +2</span>
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
            QR code<span className="sr-only"> for {tp.name}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}
