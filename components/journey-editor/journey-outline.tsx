// A journey's structure without edit controls, for a member whose scope is one unit (docs/hierarchy.md, "Scoped
// memberships"): they read the organization's journeys, but changing them is for the whole organization. Stages in
// order, each with its active touchpoints (kind, channel, unit, promise, targets) and its service-blueprint lanes.
import { useTranslations } from "next-intl";
import type { EditorJourney } from "@/lib/journeys/editor";
import { BLUEPRINT_LANES } from "@/lib/journeys/editor-schema";
import { TouchpointSummary, touchpointItemClass } from "./touchpoint-summary";

export function JourneyOutline({
  journey,
  unitNames,
}: {
  journey: EditorJourney;
  /** Unit names by id, to name each touchpoint's unit. */
  unitNames: ReadonlyMap<string, string>;
}) {
  const t = useTranslations("journeys.editor");
  const lanesT = useTranslations("journeys.editor.blueprint.lanes");
  const stages = journey.stages.filter((s) => !s.archivedAt);
  if (stages.length === 0) return <p className="text-sm text-slate-600">{t("outline.noStages")}</p>;
  return (
    <div role="region" aria-label={t("stagesRegion")} tabIndex={0} className="relative overflow-x-auto pb-3">
      <ol className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label={t("stagesList")}>
        {stages.map((stage, i) => {
          const touchpoints = stage.touchpoints.filter((tp) => !tp.archivedAt);
          const lanes = BLUEPRINT_LANES.filter((lane) => stage.blueprint[lane]);
          return (
            <li
              key={stage.id}
              className="flex w-full flex-col rounded-lg border border-slate-200 bg-slate-50 p-3 sm:w-64 sm:shrink-0"
              aria-label={t("stage.label", { index: i + 1, count: stages.length, name: stage.name })}
              data-testid="stage-column"
            >
              <p className="text-xs font-medium text-slate-600 tabular-nums">{t("stage.number", { index: i + 1 })}</p>
              <h2 className="text-base font-semibold break-words text-slate-900">{stage.name}</h2>
              <ul className="mt-3 flex flex-col gap-2" aria-label={t("stage.touchpointsOf", { name: stage.name })}>
                {touchpoints.map((tp) => (
                  <li key={tp.id} className={touchpointItemClass(false)} aria-label={tp.name}>
                    <TouchpointSummary tp={tp} unitName={tp.unitId ? unitNames.get(tp.unitId) : null} />
                  </li>
                ))}
                {touchpoints.length === 0 ? (
                  <li className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600">
                    {t("outline.noTouchpoints")}
                  </li>
                ) : null}
              </ul>
              {lanes.length ? (
                <dl className="mt-3 flex flex-col gap-2 text-sm">
                  {lanes.map((lane) => (
                    <div key={lane}>
                      <dt className="text-xs font-medium text-slate-600">{lanesT(lane)}</dt>
                      <dd className="break-words whitespace-pre-line text-slate-800">{stage.blueprint[lane]}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
