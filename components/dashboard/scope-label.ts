// What the dashboard is narrowed to, in words, for its subtitle: every scope filter, named as the filter bar names
// it ("journey Support · channel Phone · segment vip"). An id the options no longer know (an archived touchpoint)
// still says that a filter applies.
import type { AnalyticsFilters } from "@/lib/analytics/filters";

type Named = { id: string; name: string };
export type ScopeOptions = {
  journeys: Named[];
  stages: Named[];
  touchpoints: Named[];
  channels: Named[];
  surveys: Named[];
  units?: { units: Named[] };
};

export type ScopeKey = "journey" | "stage" | "touchpoint" | "channel" | "survey" | "segment" | "unit";

/** `word` says one filter in the page's language (the dashboard passes its translator); English by default. */
export function scopeLabel(
  f: AnalyticsFilters,
  o: ScopeOptions,
  word: (key: ScopeKey, name: string) => string = (k, n) => `${k} ${n}`,
  archived = "(archived)",
): string {
  const name = (list: Named[], id: string | undefined) =>
    id ? (list.find((x) => x.id === id)?.name ?? archived) : null;
  const parts: Array<[ScopeKey, string | null]> = [
    ["journey", name(o.journeys, f.journeyId)],
    ["stage", name(o.stages, f.stageId)],
    ["touchpoint", name(o.touchpoints, f.touchpointId)],
    ["channel", name(o.channels, f.channelId)],
    ["survey", name(o.surveys, f.surveyId)],
    ["segment", f.segment ?? null],
    ["unit", name(o.units?.units ?? [], f.unitId)],
  ];
  return parts
    .filter((p): p is [ScopeKey, string] => p[1] !== null)
    .map(([k, v]) => word(k, v))
    .join(" · ");
}
