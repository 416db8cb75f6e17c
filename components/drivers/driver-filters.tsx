// The drivers report's filters as a GET form (the URL is the state): outcome, the survey whose items are the
// drivers, period, segment and channel — the dashboard's filter names, so its links carry over.
import { PRESETS, PRESET_LABELS, type AnalyticsFilters, type FieldErrors } from "@/lib/analytics/filters";
import type { DriverOutcome } from "@/lib/analytics/drivers";
import { buttonClass } from "../ui/button";
import { GetForm } from "../dashboard/get-form";
import type { UnitFilterOptions } from "@/lib/analytics/unit-filter";
import { FilterSelect, UnitFilter } from "../dashboard/filter-bar";

type Props = {
  filters: AnalyticsFilters;
  errors: FieldErrors;
  outcome: DriverOutcome;
  surveys: { id: string; name: string; responses: number }[];
  channels: { id: string; name: string }[];
  segments: { tag: string; customers: number }[];
  units: UnitFilterOptions;
};

export function DriverFilters({ filters, errors, outcome, surveys, channels, segments, units }: Props) {
  const presets = PRESETS.filter((p) => p !== "custom" || filters.from);
  return (
    <GetForm
      key={JSON.stringify({ filters, outcome })}
      action="/reports/drivers"
      aria-label="Driver filters"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm aria-busy:opacity-60"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <FilterSelect
          name="outcome"
          label="Outcome"
          value={outcome}
          all="NPS (0–10)"
          options={[{ value: "csat", label: "CSAT (1–5)" }]}
          error={errors.outcome}
        />
        <FilterSelect
          name="surveyId"
          label="Survey"
          value={filters.surveyId}
          all="Most answered"
          options={surveys.map((s) => ({ value: s.id, label: `${s.name} (${s.responses})` }))}
          error={errors.surveyId}
        />
        <FilterSelect
          name="preset"
          label="Period"
          value={filters.preset ?? (filters.from ? "custom" : "90d")}
          all={PRESET_LABELS["90d"]}
          options={presets.filter((p) => p !== "90d").map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
          error={errors.preset}
        />
        <FilterSelect
          name="segment"
          label="Segment"
          value={filters.segment}
          all="All customers"
          options={segments.map((s) => ({ value: s.tag, label: `${s.tag} (${s.customers})` }))}
          error={errors.segment}
        />
        <FilterSelect
          name="channelId"
          label="Channel"
          value={filters.channelId}
          all="All channels"
          options={channels.map((c) => ({ value: c.id, label: c.name }))}
          error={errors.channelId}
        />
        <UnitFilter options={units} value={filters.unitId} error={errors.unitId} />
      </div>
      {filters.from && filters.to ? (
        <>
          <input type="hidden" name="from" value={filters.from} />
          <input type="hidden" name="to" value={filters.to} />
        </>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass("primary", "sm")}>
          Apply filters
        </button>
        <p className="text-xs text-slate-600">
          The bootstrap takes a moment on large samples; the form dims while it runs.
        </p>
      </div>
    </GetForm>
  );
}
