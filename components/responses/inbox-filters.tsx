// The inbox's filters (components/ui/filter-panel.tsx), built from the dashboard's filter controls.
import Link from "next/link";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { FilterOptions } from "@/lib/analytics/service";
import { FilterSelect, TouchpointAndChannel } from "../dashboard/filter-bar";
import { buttonClass } from "../ui/button";
import { FilterPanel, FilterTextField, PeriodFields, type RawFilters } from "../ui/filter-panel";
import { hrefWith } from "../ui/pagination";
import { CATEGORY_GROUPS } from "./category";
import { useSentimentOptions } from "../text-analytics/text-insight";

export const INBOX_PATH = "/surveys/responses";

type Props = {
  raw: RawFilters;
  errors: Record<string, string>;
  options: FilterOptions;
  /** The organization's themes (key, name) for the theme filter. */
  themes: { key: string; name: string }[];
  customerName?: string | null;
};

export function InboxFilters({ raw, errors, options, themes, customerName }: Props) {
  const select = (name: string) => ({ name, value: raw[name], error: errors[name] });
  const t = useTranslations("surveys.inbox.filters");
  const tc = useTranslations("surveys.category");
  const sentimentOptions = useSentimentOptions();
  return (
    <FilterPanel
      action={INBOX_PATH}
      label={t("label")}
      raw={raw}
      errors={errors}
      hidden={{ customerId: raw.customerId }}
      extraActions={
        raw.customerId ? (
          <Link
            href={hrefWith(INBOX_PATH, { ...raw, customerId: undefined })}
            className={buttonClass("secondary", "sm")}
          >
            {t("customer", { name: customerName || t("oneCustomer") })} <X aria-hidden="true" size={14} />
            <span className="sr-only">{t("removeFilter")}</span>
          </Link>
        ) : null
      }
    >
      <FilterSelect
        {...select("surveyId")}
        label={t("survey")}
        all={t("allSurveys")}
        options={options.surveys.map((s) => ({ value: s.id, label: s.name }))}
      />
      <TouchpointAndChannel raw={raw} errors={errors} options={options} />
      <FilterSelect
        {...select("metric")}
        label={t("metric")}
        all={t("allMetrics")}
        options={[
          { value: "nps", label: "NPS" },
          { value: "csat", label: "CSAT" },
          { value: "ces", label: "CES" },
        ]}
      />
      <FilterSelect
        {...select("category")}
        label={t("category")}
        all={t("allCategories")}
        groups={CATEGORY_GROUPS.map((g) => ({
          label: g.label,
          options: g.options.map((c) => ({ value: c, label: tc(c) })),
        }))}
      />
      <div className="grid grid-cols-2 gap-3">
        <FilterTextField
          name="scoreMin"
          label={t("scoreFrom")}
          type="number"
          min={0}
          max={10}
          raw={raw}
          errors={errors}
        />
        <FilterTextField
          name="scoreMax"
          label={t("scoreTo")}
          type="number"
          min={0}
          max={10}
          raw={raw}
          errors={errors}
        />
      </div>
      <PeriodFields raw={raw} errors={errors} />
      <FilterSelect
        {...select("hasComment")}
        label={t("comment")}
        all={t("withOrWithout")}
        options={[
          { value: "true", label: t("withComment") },
          { value: "false", label: t("withoutComment") },
        ]}
      />
      <FilterSelect
        {...select("status")}
        label={t("completion")}
        all={t("completedAndPartial")}
        options={[
          { value: "completed", label: t("completed") },
          { value: "partial", label: t("partial") },
        ]}
      />
      <FilterSelect
        {...select("theme")}
        label={t("theme")}
        all={t("anyTheme")}
        options={themes.map((t) => ({ value: t.key, label: t.name }))}
      />
      <FilterSelect
        {...select("sentiment")}
        label={t("sentiment")}
        all={t("anySentiment")}
        options={sentimentOptions}
      />
      <div className="sm:col-span-2">
        <FilterTextField name="q" label={t("q")} placeholder={t("qPlaceholder")} raw={raw} errors={errors} />
      </div>
    </FilterPanel>
  );
}
