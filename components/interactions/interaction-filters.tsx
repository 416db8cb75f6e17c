// The interactions list's filters (components/ui/filter-panel.tsx): where, how it went, who logged it, when, and
// text in the note. "Logged by me" is `by=me` in the URL, so a shared link shows each reader their own.
import { useTranslations } from "next-intl";
import type { FilterOptions } from "@/lib/analytics/service";
import { EMOTIONS, OUTCOMES } from "@/lib/interactions/schema";
import { FilterSelect, TouchpointAndChannel } from "../dashboard/filter-bar";
import { FilterPanel, FilterTextField, PeriodFields, type RawFilters } from "../ui/filter-panel";
import type { Outcome } from "./labels";
import { useSentimentOptions } from "../text-analytics/text-insight";

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
  const t = useTranslations("interactions");
  const sentimentOptions = useSentimentOptions();
  const select = (name: string) => ({ name, value: raw[name], error: errors[name] });
  return (
    <FilterPanel
      action={INTERACTIONS_PATH}
      label={t("filters.label")}
      raw={raw}
      errors={errors}
      hidden={{ customerId: raw.customerId }}
    >
      <TouchpointAndChannel raw={raw} errors={errors} options={options} />
      <FilterSelect
        {...select("outcome")}
        label={t("filters.outcome")}
        all={t("filters.anyOutcome")}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`labels.outcome.${o as Outcome}`) }))}
      />
      <FilterSelect
        {...select("emotion")}
        label={t("filters.emotion")}
        all={t("filters.anyEmotion")}
        options={EMOTIONS.map((e) => ({
          value: String(e.value),
          label: t(`labels.emotion.${String(e.value) as "0"}`),
        }))}
      />
      <FilterSelect
        {...select("by")}
        label={t("filters.by")}
        all={t("filters.anyone")}
        options={[
          { value: "me", label: t("filters.me") },
          { value: "api", label: t("filters.api") },
        ]}
      />
      <FilterSelect
        {...select("theme")}
        label={t("filters.theme")}
        all={t("filters.anyTheme")}
        options={themes.map((theme) => ({ value: theme.key, label: theme.name }))}
      />
      <FilterSelect
        {...select("sentiment")}
        label={t("filters.sentiment")}
        all={t("filters.anySentiment")}
        options={sentimentOptions}
      />
      <PeriodFields raw={raw} errors={errors} />
      <FilterTextField
        name="q"
        label={t("filters.q")}
        placeholder={t("filters.qPlaceholder")}
        raw={raw}
        errors={errors}
      />
    </FilterPanel>
  );
}
