// Period, channel and segment of the journey map and the gap report, as a GET form (the URL is the state). The
// periods are named as on the dashboard (dashboard.presets).
import { useTranslations } from "next-intl";
import { PRESETS, type AnalyticsFilters, type FieldErrors } from "@/lib/analytics/filters";
import { buttonClass } from "../ui/button";
import { controlClass, describedBy, FieldShell } from "../ui/field";
import type { UnitFilterOptions } from "@/lib/analytics/unit-filter";
import { GetForm } from "../dashboard/get-form";
import { UnitFilter } from "../dashboard/filter-bar";

type Option = { value: string; label: string };

function Choice(props: {
  name: string;
  label: string;
  value?: string;
  all?: string;
  options: Option[];
  error?: string;
}) {
  const id = `map-filter-${props.name}`;
  return (
    <FieldShell id={id} label={props.label} error={props.error}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.value ?? ""}
        className={`${controlClass} pr-8`}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, undefined, props.error)}
      >
        {props.all ? <option value="">{props.all}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function MapFilters(props: {
  action: string;
  filters: AnalyticsFilters;
  errors: FieldErrors;
  channels: { id: string; name: string }[];
  segments: { tag: string; customers: number }[];
  label: string;
  /** The unit picker (the caller's units); none on the unit comparison, which drills down by unit itself. */
  units?: UnitFilterOptions;
  /** Further query parameters the page keeps across a change of filters (the unit drilled into …). */
  keep?: Record<string, string | undefined>;
}) {
  const { filters, errors } = props;
  const t = useTranslations("journeys.filters");
  const tp = useTranslations("dashboard.presets");
  const presets = PRESETS.filter((p) => p !== "custom" || filters.from);
  const showUnits = Boolean(props.units && props.units.units.length > 0);
  return (
    <GetForm
      action={props.action}
      aria-label={props.label}
      className={`mb-6 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden ${
        // One row on a wide screen, the unit picker included (the map must still fit below it at 1280 × 800).
        showUnits ? "sm:grid-cols-3 lg:grid-cols-5" : "sm:grid-cols-4"
      }`}
    >
      <Choice
        name="preset"
        label={t("period")}
        value={filters.preset ?? (filters.from ? "custom" : "90d")}
        options={presets.map((p) => ({ value: p, label: tp(p) }))}
        error={errors.preset}
      />
      {filters.from && filters.to ? (
        <>
          <input type="hidden" name="from" value={filters.from} />
          <input type="hidden" name="to" value={filters.to} />
        </>
      ) : null}
      <Choice
        name="channelId"
        label={t("channel")}
        value={filters.channelId}
        all={t("allChannels")}
        options={props.channels.map((c) => ({ value: c.id, label: c.name }))}
        error={errors.channelId}
      />
      <Choice
        name="segment"
        label={t("segment")}
        value={filters.segment}
        all={t("allCustomers")}
        options={props.segments.map((s) => ({
          value: s.tag,
          label: t("segmentOption", { tag: s.tag, count: s.customers }),
        }))}
        error={errors.segment}
      />
      {props.units && showUnits ? (
        <UnitFilter options={props.units} value={filters.unitId} error={errors.unitId} />
      ) : null}
      {Object.entries(props.keep ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <button type="submit" className={buttonClass("primary", "md", "w-full sm:w-auto")}>
        {t("apply")}
      </button>
    </GetForm>
  );
}
