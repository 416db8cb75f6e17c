// The inbox's filters (components/ui/filter-panel.tsx), built from the dashboard's filter controls.
import Link from "next/link";
import { X } from "lucide-react";
import type { FilterOptions } from "@/lib/analytics/service";
import { FilterSelect, TouchpointAndChannel } from "../dashboard/filter-bar";
import { buttonClass } from "../ui/button";
import { FilterPanel, FilterTextField, PeriodFields, type RawFilters } from "../ui/filter-panel";
import { hrefWith } from "../ui/pagination";
import { CATEGORY_GROUPS } from "./category";
import { SENTIMENT_OPTIONS } from "../text-analytics/text-insight";

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
  return (
    <FilterPanel
      action={INBOX_PATH}
      label="Response filters"
      raw={raw}
      errors={errors}
      hidden={{ customerId: raw.customerId }}
      extraActions={
        raw.customerId ? (
          <Link
            href={hrefWith(INBOX_PATH, { ...raw, customerId: undefined })}
            className={buttonClass("secondary", "sm")}
          >
            Customer: {customerName || "one customer"} <X aria-hidden="true" size={14} />
            <span className="sr-only">(remove this filter)</span>
          </Link>
        ) : null
      }
    >
      <FilterSelect
        {...select("surveyId")}
        label="Survey"
        all="All surveys"
        options={options.surveys.map((s) => ({ value: s.id, label: s.name }))}
      />
      <TouchpointAndChannel raw={raw} errors={errors} options={options} />
      <FilterSelect
        {...select("metric")}
        label="Metric"
        all="All metrics"
        options={[
          { value: "nps", label: "NPS" },
          { value: "csat", label: "CSAT" },
          { value: "ces", label: "CES" },
        ]}
      />
      <FilterSelect {...select("category")} label="Category" all="All categories" groups={CATEGORY_GROUPS} />
      <div className="grid grid-cols-2 gap-3">
        <FilterTextField name="scoreMin" label="Score from" type="number" min={0} max={10} raw={raw} errors={errors} />
        <FilterTextField name="scoreMax" label="Score to" type="number" min={0} max={10} raw={raw} errors={errors} />
      </div>
      <PeriodFields raw={raw} errors={errors} />
      <FilterSelect
        {...select("hasComment")}
        label="Comment"
        all="With or without"
        options={[
          { value: "true", label: "With a comment" },
          { value: "false", label: "Without a comment" },
        ]}
      />
      <FilterSelect
        {...select("status")}
        label="Completion"
        all="Completed and partial"
        options={[
          { value: "completed", label: "Completed" },
          { value: "partial", label: "Partial (not finished)" },
        ]}
      />
      <FilterSelect
        {...select("theme")}
        label="Theme in the comment"
        all="Any theme"
        options={themes.map((t) => ({ value: t.key, label: t.name }))}
      />
      <FilterSelect
        {...select("sentiment")}
        label="Sentiment of the comment"
        all="Any sentiment"
        options={SENTIMENT_OPTIONS}
      />
      <div className="sm:col-span-2">
        <FilterTextField name="q" label="Comment contains" placeholder="e.g. invoice" raw={raw} errors={errors} />
      </div>
    </FilterPanel>
  );
}
