// The drivers report's filters as a GET form (the URL is the state): outcome, the survey whose items are the
// drivers, period, segment and channel — the dashboard's filter names, so its links carry over.
import { useTranslations } from "next-intl";
import { PRESETS, type AnalyticsFilters, type FieldErrors } from "@/lib/analytics/filters";
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
  const t = useTranslations("reports.drivers.filters");
  // The periods are named as on the dashboard (its catalogue, read only).
  const tp = useTranslations("dashboard.presets");
  const presets = PRESETS.filter((p) => p !== "custom" || filters.from);
  return (
    <GetForm
      key={JSON.stringify({ filters, outcome })}
      action="/reports/drivers"
      aria-label={t("label")}
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm aria-busy:opacity-60"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <FilterSelect
          name="outcome"
          label={t("outcome")}
          value={outcome}
          all={t("nps")}
          options={[{ value: "csat", label: t("csat") }]}
          error={errors.outcome}
        />
        <FilterSelect
          name="surveyId"
          label={t("survey")}
          value={filters.surveyId}
          all={t("mostAnswered")}
          options={surveys.map((s) => ({
            value: s.id,
            label: t("surveyOption", { name: s.name, count: s.responses }),
          }))}
          error={errors.surveyId}
        />
        <FilterSelect
          name="preset"
          label={t("period")}
          value={filters.preset ?? (filters.from ? "custom" : "90d")}
          all={tp("90d")}
          options={presets.filter((p) => p !== "90d").map((p) => ({ value: p, label: tp(p) }))}
          error={errors.preset}
        />
        <FilterSelect
          name="segment"
          label={t("segment")}
          value={filters.segment}
          all={t("allCustomers")}
          options={segments.map((s) => ({
            value: s.tag,
            label: t("segmentOption", { tag: s.tag, count: s.customers }),
          }))}
          error={errors.segment}
        />
        <FilterSelect
          name="channelId"
          label={t("channel")}
          value={filters.channelId}
          all={t("allChannels")}
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
          {t("apply")}
        </button>
        <p className="text-xs text-slate-600">{t("note")}</p>
      </div>
    </GetForm>
  );
}
