// The live journey map: stages as columns (a focusable region that scrolls sideways on narrow screens), each
// with its aggregate over its touchpoints' responses and its average emotion, then the touchpoints.
import type { JourneyMap as Map } from "@/lib/journeys/map";
import { GAP_METRICS } from "@/lib/journeys/gap";
import { formatCount } from "../ui/format";
import { LiveTouchpointCard } from "./live-touchpoint-card";
import { emotionText, fmt, METRIC_NAMES, plusMinus } from "./figures";

function StageSummary({ stage }: { stage: Map["stages"][number] }) {
  const { metrics, interactions } = stage.live;
  return (
    <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-0.5 rounded-md bg-white/70 p-2 text-xs text-slate-700">
      {GAP_METRICS.map((m) => {
        const p = metrics[m];
        return (
          <div key={m} className="contents">
            <dt className="font-medium">{METRIC_NAMES[m]}</dt>
            <dd className="tabular-nums">
              {p.n === 0 ? "—" : p.enough ? `${fmt(m, p.value)} ${plusMinus(p) ?? ""}` : "too few responses"}
              {p.n > 0 ? <span className="text-slate-600"> (n = {formatCount(p.n)})</span> : null}
            </dd>
          </div>
        );
      })}
      <dt className="font-medium">Emotion</dt>
      <dd className="tabular-nums">
        {emotionText(interactions.average)}
        <span className="text-slate-600"> ({formatCount(interactions.count)} interactions)</span>
      </dd>
    </dl>
  );
}

export function JourneyMapView({ map, query }: { map: Map; query: string }) {
  // The response inbox for the same period (and channel): where the responses behind each number are listed.
  const channelId = new URLSearchParams(query).get("channelId");
  const responsesQuery = new URLSearchParams({
    from: map.period.from.toISOString(),
    to: map.period.to.toISOString(),
    ...(channelId ? { channelId } : {}),
  }).toString();
  return (
    <div
      role="region"
      aria-label={`Stages of ${map.journey.name} (scrolls sideways)`}
      tabIndex={0}
      className="relative -mx-4 overflow-x-auto px-4 pb-4 sm:mx-0 sm:px-0 print:overflow-visible"
    >
      <ol className="flex min-w-min gap-4">
        {map.stages.map((stage, index) => (
          <li
            key={stage.id}
            className="flex w-72 shrink-0 flex-col rounded-lg border border-slate-200 bg-slate-100/70 p-3"
          >
            <h2 className="text-sm font-semibold text-slate-900">
              <span className="mr-1.5 text-slate-600 tabular-nums">{index + 1}.</span>
              {stage.name}
            </h2>
            {stage.description ? <p className="mt-1 text-xs text-slate-600">{stage.description}</p> : null}
            <StageSummary stage={stage} />
            <ul className="mt-3 flex flex-col gap-2" aria-label={`Touchpoints in ${stage.name}`}>
              {stage.touchpoints.length === 0 ? <li className="text-xs text-slate-600">No touchpoints</li> : null}
              {stage.touchpoints.map((tp) => (
                <li key={tp.id}>
                  <LiveTouchpointCard tp={tp} query={query} responsesQuery={responsesQuery} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
