// The interactions list's filters (components/ui/filter-panel.tsx): where, how it went, who logged it, when, and
// text in the note. "Logged by me" is `by=me` in the URL, so a shared link shows each reader their own.
import type { FilterOptions } from "@/lib/analytics/service";
import { EMOTIONS, OUTCOMES } from "@/lib/interactions/schema";
import { FilterSelect, TouchpointAndChannel } from "../dashboard/filter-bar";
import { FilterPanel, FilterTextField, PeriodFields, type RawFilters } from "../ui/filter-panel";
import { OUTCOME_LABELS } from "./labels";
import { SENTIMENT_OPTIONS } from "../text-analytics/text-insight";

export const INTERACTIONS_PATH = "/interactions";

export function InteractionFilters({
  raw,
  errors,
  options,
  themes,
}: {
  raw: RawFilters;
  errors: Record<string, string>;
  options: Pick<FilterOptions, "touchpoints" | "channels">;
  /** The organization's themes (key, name) for the theme filter. */
  themes: { key: string; name: string }[];
}) {
  const select = (name: string) => ({ name, value: raw[name], error: errors[name] });
  return (
    <FilterPanel
      action={INTERACTIONS_PATH}
      label="Interaction filters"
      raw={raw}
      errors={errors}
      hidden={{ customerId: raw.customerId }}
    >
      <TouchpointAndChannel raw={raw} errors={errors} options={options} />
      <FilterSelect
        {...select("outcome")}
        label="Outcome"
        all="Any outcome"
        options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o].label }))}
      />
      <FilterSelect
        {...select("emotion")}
        label="How the customer felt"
        all="Any feeling"
        options={EMOTIONS.map((e) => ({ value: String(e.value), label: e.label }))}
      />
      <FilterSelect
        {...select("by")}
        label="Logged by"
        all="Anyone"
        options={[
          { value: "me", label: "Me" },
          { value: "api", label: "Your systems (API)" },
        ]}
      />
      <FilterSelect
        {...select("theme")}
        label="Theme in the note"
        all="Any theme"
        options={themes.map((t) => ({ value: t.key, label: t.name }))}
      />
      <FilterSelect
        {...select("sentiment")}
        label="Sentiment of the note"
        all="Any sentiment"
        options={SENTIMENT_OPTIONS}
      />
      <PeriodFields raw={raw} errors={errors} />
      <FilterTextField name="q" label="Note contains" placeholder="e.g. refund" raw={raw} errors={errors} />
    </FilterPanel>
  );
}
