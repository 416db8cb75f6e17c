import Link from "next/link";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import {
  filtersToSearchParams,
  hasScopeFilters,
  parseFiltersLeniently,
  PRESET_LABELS,
  resolvePeriod,
} from "@/lib/analytics/filters";
import { getComparison, getFilterOptions, getSummary, getTrends } from "@/lib/analytics/service";
import { getDashboardSummary } from "@/lib/dashboard/summary";
import { narrowToUnit } from "@/lib/analytics/unit-filter";
import { getInvitationRates } from "@/lib/dashboard/invitation-rates";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatPeriod } from "@/components/ui/format";
import { CesTile, CsatTile, NpsTile } from "@/components/dashboard/headline-tiles";
import { SummaryCounts } from "@/components/dashboard/summary-counts";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { TrendSection } from "@/components/dashboard/trend-section";
import { ComparePanel } from "@/components/dashboard/compare-panel";
import { scopeLabel } from "@/components/dashboard/scope-label";
import { ByUnitCard, unitDashboardHref } from "@/components/dashboard/by-unit-card";
import { unitLeague } from "@/lib/units/league";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";
import { ThemesCard } from "@/components/dashboard/themes-card";
import { getThemesReport } from "@/lib/text-analytics/themes-report";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Shown inclusive: a period [from, to) ends the millisecond before `to`.
const shown = (p: { from: Date; to: Date }) => formatPeriod(p.from, new Date(p.to.getTime() - 1));

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  // Every figure counts the caller's units only, narrowed by the unit filter (lib/analytics/unit-filter.ts); a unit
  // outside the caller's scope or organization is the 404 page.
  const ctx = await requireCtx("viewer", "unit");
  const { filters, errors } = parseFiltersLeniently(await searchParams);
  const now = new Date(); // one instant for every figure on the page
  const period = resolvePeriod(filters, now);
  const unitCtx = await orNotFound(narrowToUnit(ctx, filters.unitId));
  // The drill-down: the units below the one shown (the unit filter, else the caller's scope unit, else the top level).
  const shownUnit = filters.unitId ?? ctx.scope?.unitId ?? null;
  const [summary, trends, options, comparison, activity, invitations, byUnit, themes] = await Promise.all([
    getSummary(unitCtx, filters, now),
    getTrends(unitCtx, filters, now),
    getFilterOptions(ctx),
    filters.compare ? getComparison(unitCtx, filters, now) : null,
    getDashboardSummary(unitCtx, period, now),
    getInvitationRates(unitCtx, filters, now),
    unitLeague(ctx, { ...filters, unitId: undefined, parentId: shownUnit ?? undefined }, now),
    getThemesReport(unitCtx, { ...filters, unitId: undefined }, now),
  ]);
  const query = filtersToSearchParams(filters).toString();
  const withoutUnit = filtersToSearchParams({ ...filters, unitId: undefined }).toString();
  // Up one level: the shown unit's parent inside the caller's scope, or the organization for an org-wide member.
  const parentOfShown = byUnit.parent.ancestors.at(-1)?.id ?? null;
  const up =
    shownUnit === null || shownUnit === ctx.scope?.unitId
      ? null
      : parentOfShown || !ctx.scope
        ? unitDashboardHref(withoutUnit, parentOfShown)
        : null;
  const against = `vs ${shown(period.previous)}`;
  const { nps, csat, ces } = summary.current;
  const noResponses = nps.n + csat.n + ces.n === 0;
  const filtered = hasScopeFilters(filters);
  // A unit-scoped member's figures are their units' (named unless the unit filter names a unit already).
  const scope = [ctx.scope && !filters.unitId ? `unit ${ctx.scope.unitName}` : "", scopeLabel(filters, options)]
    .filter(Boolean)
    .join(" · ");

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            {PRESET_LABELS[period.preset]}: <time dateTime={period.from.toISOString()}>{shown(period)}</time> · points
            per {period.bucket} (UTC
            {period.bucket === "week" ? ", weeks from Monday" : ""}){scope ? ` · ${scope}` : ""}
          </>
        }
      />
      <FilterBar filters={filters} errors={errors} options={options} period={period} />
      <ReplicaNotice />
      {noResponses ? (
        <div className="mb-6">
          {filtered ? (
            <EmptyState
              title="No responses match these filters"
              action={
                <Link
                  href={
                    period.preset === "custom"
                      ? `/?preset=custom&from=${period.from.toISOString().slice(0, 10)}&to=${new Date(period.to.getTime() - 1).toISOString().slice(0, 10)}`
                      : `/?preset=${period.preset}`
                  }
                  className={buttonClass("primary")}
                >
                  Keep the period, clear the other filters
                </Link>
              }
            >
              Nobody answered a survey for this journey, stage, touchpoint, channel, survey or segment in the period.
              Remove a filter or pick a longer period.
            </EmptyState>
          ) : (
            <EmptyState
              title="No survey responses in this period"
              action={
                <Link href="/surveys" className={buttonClass("primary")}>
                  Go to surveys
                </Link>
              }
            >
              Pick a longer period above, or publish a survey or import responses through the API; NPS, CSAT and CES
              appear here as soon as answers come in.
            </EmptyState>
          )}
        </div>
      ) : null}
      <div className="mb-8 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <NpsTile r={nps} change={{ change: summary.change.nps, against }} invitations={invitations.nps} />
        <CsatTile r={csat} change={{ change: summary.change.csat, against }} invitations={invitations.csat} />
        <CesTile r={ces} change={{ change: summary.change.ces, against }} invitations={invitations.ces} />
      </div>
      {byUnit.rows.length > 0 || up !== null ? (
        <Section id="by-unit" title="By unit">
          <ByUnitCard league={byUnit} query={withoutUnit} up={up} />
        </Section>
      ) : null}
      {noResponses ? null : (
        <Section
          id="trends"
          title="Trends"
          description="Every point carries its 95 % interval and n; open a chart's table for the exact figures."
        >
          <TrendSection trends={trends} query={query} />
        </Section>
      )}
      <Section
        id="what-customers-say"
        title="What customers talk about"
        description="Themes of the comments in these filters, and how those who mention them score."
      >
        <ThemesCard report={themes} query={query} />
      </Section>
      <Section
        id="compare"
        title="Compare"
        description="Two segments side by side, or this period against the previous one."
      >
        <ComparePanel filters={filters} errors={errors} segments={options.segments} comparison={comparison} />
      </Section>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Activity</h2>
      <SummaryCounts summary={activity} />
      <p className="mt-6 text-xs text-slate-600">
        Intervals are 95 %. Figures from fewer than 30 responses are shown dimmed and flagged. A change is “significant”
        when it is larger than 1.96 standard errors of the difference (NPS, CSAT) or passes Welch’s t-test (CES). See{" "}
        <Link href="/reports" className="font-medium text-brand-700 underline">
          Reports
        </Link>{" "}
        for fixed periods.
      </p>
    </>
  );
}
