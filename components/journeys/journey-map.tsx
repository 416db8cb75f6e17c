// The live journey map: a compact overview with every stage as a column and every touchpoint as a tile (its
// headline figure with n, a friction point or moment of delight in words and an icon as well as colour, its gap),
// the emotion curve aligned under the columns, and each touchpoint's full detail on demand (journey-overview.tsx).
import { Sparkles, TriangleAlert } from "lucide-react";
import type { JourneyMap as Map } from "@/lib/journeys/map";
import { GAP_METRICS, type GapStatus } from "@/lib/journeys/gap";
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";
import { Badge, type BadgeTone } from "../ui/badge";
import { LiveTouchpointCard } from "./live-touchpoint-card";
import { EmotionCurve, EmotionTable } from "./emotion-curve";
import { JourneyOverview, type OverviewColumn } from "./journey-overview";
import { emotionText, figureText, headlineOf, METRIC_NAMES, sampleNote, signed } from "./figures";

type Stage = Map["stages"][number];
type Tp = Stage["touchpoints"][number];

function StageHeader({ stage, index }: { stage: Stage; index: number }) {
  const { metrics, interactions } = stage.live;
  const friction = stage.touchpoints.filter((t) => t.live.status === "friction").length;
  const measured = GAP_METRICS.filter((m) => metrics[m].n > 0);
  const t = useTranslations("journeys.map");
  const f = useFormats();
  return (
    <div className="px-1">
      <h2 className="text-sm leading-snug font-semibold break-words text-slate-900">
        <span className="mr-1 text-slate-600 tabular-nums">{index + 1}.</span>
        {stage.name}
      </h2>
      {friction > 0 ? (
        <p className="mt-1">
          <Badge tone="danger">
            <TriangleAlert aria-hidden="true" size={12} />
            {t("frictionPoints", { count: friction })}
          </Badge>
        </p>
      ) : null}
      <dl className="mt-1 text-xs text-slate-700">
        {measured.map((m) => {
          const p = metrics[m];
          return (
            <div key={m}>
              <dt className="sr-only">{METRIC_NAMES[m]}</dt>
              <dd>
                <span className={`tabular-nums ${p.enough ? "" : "text-slate-600"}`}>{figureText(p, f)}</span>{" "}
                <span className="whitespace-nowrap text-slate-600 tabular-nums">{sampleNote(p.n, f)}</span>
                {p.enough ? null : <span className="block text-slate-600">{t("tooFew")}</span>}
              </dd>
            </div>
          );
        })}
        <div>
          <dt className="sr-only">{t("emotionTerm")}</dt>
          <dd className="text-slate-600">
            {t.rich("emotionLine", {
              value: emotionText(interactions.average, f),
              count: interactions.count,
              b: (chunks) => <span className="font-medium text-slate-800 tabular-nums">{chunks}</span>,
              sr: (chunks) => <span className="sr-only">{chunks}</span>,
            })}
          </dd>
        </div>
      </dl>
    </div>
  );
}

const TILE_FRAME = {
  friction: "border-red-300 border-l-4 border-l-red-600 bg-red-50",
  delight: "border-green-300 border-l-4 border-l-green-700 bg-green-50",
  none: "border-slate-200 bg-white hover:border-brand-300",
};

const GAP_TONE: Record<GapStatus, BadgeTone> = {
  friction: "danger",
  delight: "ok",
  as_promised: "neutral",
  too_few_responses: "warn",
  no_responses: "neutral",
};

/** A touchpoint's tile: phrasing content only, as it sits inside a button. */
function Tile({ tp }: { tp: Tp }) {
  const status = tp.live.status;
  const headline = headlineOf(tp.live);
  const p = headline ? tp.live.metrics[headline.metric] : null;
  const gap = headline?.gap;
  const t = useTranslations("journeys.map");
  const f = useFormats();
  return (
    <span className={`block rounded-md border p-2 shadow-sm ${TILE_FRAME[status ?? "none"]}`}>
      {status === "friction" ? (
        <span className="mb-0.5 flex items-center gap-1 text-xs font-semibold text-red-800">
          <TriangleAlert aria-hidden="true" size={14} className="shrink-0" />
          <span className="min-w-0 hyphens-auto [overflow-wrap:anywhere]">{t("friction")}</span>
        </span>
      ) : status === "delight" ? (
        <span className="mb-0.5 flex items-center gap-1 text-xs font-semibold text-green-800">
          <Sparkles aria-hidden="true" size={14} className="shrink-0" />
          <span className="min-w-0 hyphens-auto [overflow-wrap:anywhere]">{t("delight")}</span>
        </span>
      ) : null}
      <span className="block text-sm leading-snug font-medium break-words text-slate-900">{tp.name}</span>
      {tp.archivedAt ? <span className="block text-xs text-amber-800">{t("archived")}</span> : null}
      {p && p.n > 0 ? (
        <span className="mt-0.5 block text-xs text-slate-700">
          <span className={`font-semibold tabular-nums ${p.enough ? "text-slate-900" : "text-slate-600"}`}>
            {figureText(p, f)}
          </span>{" "}
          <span className="whitespace-nowrap tabular-nums">{sampleNote(p.n, f)}</span>
          {p.enough ? null : <span className="block text-slate-600">{t("tooFew")}</span>}
        </span>
      ) : (
        <span className="mt-0.5 block text-xs text-slate-600">
          {p ? t("metricNoResponses", { metric: METRIC_NAMES[p.metric] }) : t("noResponses")}
        </span>
      )}
      {gap && gap.gap !== null ? (
        gap.status === "as_promised" ? (
          <span className="mt-0.5 block text-xs text-slate-600">
            <span className="tabular-nums">{t("gap", { value: signed(gap.metric, gap.gap, f) })}</span> ·{" "}
            {t("asPromised")}
          </span>
        ) : (
          <span className="mt-1 block">
            <Badge tone={GAP_TONE[gap.status]}>
              <span className="tabular-nums">{t("gap", { value: signed(gap.metric, gap.gap, f) })}</span>
            </Badge>
          </span>
        )
      ) : null}
    </span>
  );
}

export function JourneyMapView({ map, query, canManage = false }: { map: Map; query: string; canManage?: boolean }) {
  const t = useTranslations("journeys.map");
  // The response inbox for the same period (and channel): where the responses behind each number are listed.
  const channelId = new URLSearchParams(query).get("channelId");
  const responsesQuery = new URLSearchParams({
    from: map.period.from.toISOString(),
    to: map.period.to.toISOString(),
    ...(channelId ? { channelId } : {}),
  }).toString();
  const columns: OverviewColumn[] = map.stages.map((stage, index) => ({
    id: stage.id,
    header: <StageHeader stage={stage} index={index} />,
    tiles: stage.touchpoints.map((tp) => ({ id: tp.id, tile: <Tile tp={tp} />, status: tp.live.status ?? "none" })),
  }));
  const details = Object.fromEntries(
    map.stages.flatMap((stage, index) =>
      stage.touchpoints.map((tp) => [
        tp.id,
        {
          title: t("detailTitle", { index: index + 1, stage: stage.name }),
          body: <LiveTouchpointCard tp={tp} query={query} responsesQuery={responsesQuery} canManage={canManage} />,
        },
      ]),
    ),
  );
  const any = map.emotionCurve.some((p) => p.average !== null);
  const curve = (
    <section aria-labelledby="emotion-heading" className="mt-3 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {/* on a phone the grid scrolls sideways: the heading stays in view */}
      <div className="sticky left-0 w-fit max-w-[calc(100vw-2rem)] px-3 pt-2">
        <h2 id="emotion-heading" className="text-base font-semibold text-slate-900">
          {t("curveHeading")}
        </h2>
        <p className="text-xs text-slate-600">{t("curveDescription")}</p>
      </div>
      {any ? (
        <EmotionCurve points={map.emotionCurve} />
      ) : (
        <p className="px-3 py-4 text-sm text-slate-600">{t("noEmotion")}</p>
      )}
    </section>
  );
  return (
    <>
      <JourneyOverview
        label={t("stagesOf", { name: map.journey.name })}
        columns={columns}
        details={details}
        curve={curve}
      />
      <p className="mt-1 text-xs text-slate-600">{t("selectHint")}</p>
      <EmotionTable points={map.emotionCurve} />
    </>
  );
}
