// The dashboard's filters as a GET form: every choice lands in the URL (shareable links) and the page reads
// them with the same zod schema as the API. Narrow screens: a disclosure, closed by default. From md up the
// content is always shown (the summary is hidden and ::details-content made visible).
import Link from "next/link";
import { SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { PRESETS, type AnalyticsFilters, type FieldErrors, type ResolvedPeriod } from "@/lib/analytics/filters";
import type { FilterOptions } from "@/lib/analytics/service";
import type { UnitFilterOptions } from "@/lib/analytics/unit-filter";
import { buttonClass } from "../ui/button";
import { controlClass, describedBy, FieldShell } from "../ui/field";
import { GetForm } from "./get-form";

export type Option = { value: string; label: string };
export type Group = { label: string; options: Option[] };

export function FilterSelect(props: {
  name: string;
  label: string;
  value?: string;
  all: string;
  options?: Option[];
  groups?: Group[];
  error?: string;
  hint?: string;
}) {
  const id = `filter-${props.name}`;
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.value ?? ""}
        className={`${controlClass} pr-8`}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        <option value="">{props.all}</option>
        {props.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {props.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * The unit picker of the dashboard and the report filter forms: the caller's units only (their scope unit and its
 * subtree, lib/analytics/unit-filter.ts), none when the organization has no units.
 */
export function UnitFilter(props: { options: UnitFilterOptions; value?: string; error?: string }) {
  const t = useTranslations("dashboard.filters");
  const tu = useTranslations("journeys.unitFilter");
  const { scopeUnitName, units } = props.options;
  if (units.length === 0) return null;
  return (
    <FilterSelect
      name="unitId"
      label={t("unit")}
      value={props.value}
      all={scopeUnitName === null ? tu("organization") : tu("allOf", { unit: scopeUnitName })}
      // indented under its parent with no-break spaces (a <select> has no other indentation)
      options={units.map((u) => ({
        value: u.id,
        label: `${"\u00a0\u00a0".repeat(u.indent)}${tu(u.archived ? "optionArchived" : "option", { name: u.name, code: u.code })}`,
      }))}
      error={props.error}
    />
  );
}

export function groupBy<T>(items: T[], label: (t: T) => string, option: (t: T) => Option): Group[] {
  const groups = new Map<string, Option[]>();
  for (const it of items) {
    const key = label(it);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(option(it));
  }
  return [...groups].map(([l, options]) => ({ label: l, options }));
}

type Props = { filters: AnalyticsFilters; errors: FieldErrors; options: FilterOptions; period: ResolvedPeriod };

export function FilterBar({ filters, errors, options, period }: Props) {
  const t = useTranslations("dashboard");
  const active = [
    filters.journeyId,
    filters.stageId,
    filters.touchpointId,
    filters.channelId,
    filters.surveyId,
    filters.segment,
    filters.unitId,
  ].filter(Boolean).length;
  const custom = period.preset === "custom";
  const day = (d: Date) => d.toISOString().slice(0, 10);
  // segment/compare problems are about the comparison and are shown next to its fields (ComparePanel)
  const hasErrors = Object.keys(errors).some((k) => k !== "segment" && k !== "compare");
  return (
    <details
      open={hasErrors || undefined}
      className="group mb-6 rounded-lg border border-slate-200 bg-white shadow-sm md:[&::details-content]:[content-visibility:visible]"
    >
      <summary className="flex min-h-11 items-center gap-2 px-4 py-2 text-sm font-medium text-slate-800 md:hidden">
        <SlidersHorizontal aria-hidden="true" size={16} />
        {t("filters.summary")}
        <span className="font-normal text-slate-600">
          · {t(`presets.${period.preset}`)}
          {active ? t("filters.more", { count: active }) : ""}
        </span>
      </summary>
      <GetForm
        key={JSON.stringify(filters)}
        action="/"
        aria-label={t("filters.label")}
        className="border-t border-slate-200 p-4 md:border-t-0"
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FieldShell id="filter-preset" label={t("filters.period")} error={errors.preset}>
            <select
              id="filter-preset"
              name="preset"
              defaultValue={period.preset}
              className={`${controlClass} pr-8`}
              aria-invalid={errors.preset ? true : undefined}
              aria-describedby={describedBy("filter-preset", undefined, errors.preset)}
            >
              {PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`presets.${p}`)}
                </option>
              ))}
            </select>
          </FieldShell>
          <div className="grid grid-cols-2 gap-3 sm:col-span-2 lg:col-span-2">
            <FieldShell id="filter-from" label={t("filters.from")} error={errors.from}>
              <input
                id="filter-from"
                name="from"
                type="date"
                defaultValue={custom ? day(period.from) : ""}
                className={controlClass}
                aria-invalid={errors.from ? true : undefined}
                aria-describedby={describedBy("filter-from", undefined, errors.from)}
              />
            </FieldShell>
            <FieldShell id="filter-to" label={t("filters.to")} error={errors.to}>
              <input
                id="filter-to"
                name="to"
                type="date"
                defaultValue={custom ? day(new Date(period.to.getTime() - 1)) : ""}
                className={controlClass}
                aria-invalid={errors.to ? true : undefined}
                aria-describedby={describedBy("filter-to", undefined, errors.to)}
              />
            </FieldShell>
          </div>
          <FilterSelect
            name="bucket"
            label={t("filters.pointsPer")}
            value={filters.bucket}
            all={t("filters.automatic", { bucket: period.bucket })}
            options={[
              { value: "day", label: t("filters.day") },
              { value: "week", label: t("filters.week") },
              { value: "month", label: t("filters.month") },
            ]}
            error={errors.bucket}
          />
          <FilterSelect
            name="segment"
            label={t("filters.segment")}
            value={filters.segment}
            all={t("filters.allCustomers")}
            options={options.segments.map((s) => ({ value: s.tag, label: `${s.tag} (${s.customers})` }))}
          />
          <UnitFilter options={options.units} value={filters.unitId} error={errors.unitId} />
          <FilterSelect
            name="journeyId"
            label={t("filters.journey")}
            value={filters.journeyId}
            all={t("filters.allJourneys")}
            options={options.journeys.map((j) => ({ value: j.id, label: j.name }))}
            error={errors.journeyId}
          />
          <FilterSelect
            name="stageId"
            label={t("filters.stage")}
            value={filters.stageId}
            all={t("filters.allStages")}
            groups={groupBy(
              options.stages,
              (s) => s.journey.name,
              (s) => ({ value: s.id, label: s.name }),
            )}
            error={errors.stageId}
          />
          <TouchpointAndChannel raw={filters} errors={errors} options={options} />
          <FilterSelect
            name="surveyId"
            label={t("filters.survey")}
            value={filters.surveyId}
            all={t("filters.allSurveys")}
            options={options.surveys.map((s) => ({ value: s.id, label: s.name }))}
            error={errors.surveyId}
          />
        </div>
        {filters.compare ? <input type="hidden" name="compare" value={filters.compare} /> : null}
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass("primary", "sm")}>
            {t("filters.apply")}
          </button>
          <Link href="/" className={buttonClass("ghost", "sm")}>
            {t("filters.reset")}
          </Link>
          <p className="text-xs text-slate-600">{t("filters.hint")}</p>
        </div>
      </GetForm>
    </details>
  );
}

/** The touchpoint (grouped by journey and stage) and channel selects that lists of what happened share. */
export function TouchpointAndChannel({
  raw,
  errors,
  options,
}: {
  raw: Record<string, string | undefined>;
  errors: Record<string, string>;
  options: Pick<FilterOptions, "touchpoints" | "channels">;
}) {
  const tf = useTranslations("common.filters");
  return (
    <>
      <FilterSelect
        name="touchpointId"
        value={raw.touchpointId}
        error={errors.touchpointId}
        label={tf("touchpoint")}
        all={tf("allTouchpoints")}
        groups={groupBy(
          options.touchpoints,
          (t) => `${t.journey.name} › ${t.stage.name}`,
          (t) => ({ value: t.id, label: t.name }),
        )}
      />
      <FilterSelect
        name="channelId"
        value={raw.channelId}
        error={errors.channelId}
        label={tf("channel")}
        all={tf("allChannels")}
        options={options.channels.map((c) => ({ value: c.id, label: c.name }))}
      />
    </>
  );
}
