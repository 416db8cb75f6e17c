import Link from "next/link";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { filtersToSearchParams, hasScopeFilters, parseFiltersLeniently, resolvePeriod } from "@/lib/analytics/filters";
import { getComparison, getFilterOptions, getSummary, getTrends } from "@/lib/analytics/service";
import { getDashboardSummary } from "@/lib/dashboard/summary";
import { narrowToUnit } from "@/lib/analytics/unit-filter";
import { getInvitationRates } from "@/lib/dashboard/invitation-rates";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { getTranslations } from "next-intl/server";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
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
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  // Every figure counts the caller's units only, narrowed by the unit filter (lib/analytics/unit-filter.ts); a unit
  // outside the caller's scope or organization is the 404 page.
  const ctx = await requireCtx("viewer", "unit");
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormats()]);
  // Shown inclusive: a period [from, to) ends the millisecond before `to`.
  const shown = (p: { from: Date; to: Date }) => f.period(p.from, new Date(p.to.getTime() - 1));
  const { filters, errors } = parseFiltersLeniently(await searchParams, await getIssueWording());
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
  const against = t("against", { period: shown(period.previous) });
  const { nps, csat, ces } = summary.current;
  const noResponses = nps.n + csat.n + ces.n === 0;
  const filtered = hasScopeFilters(filters);
  // A unit-scoped member's figures are their units' (named unless the unit filter names a unit already).
  const scope = [
    ctx.scope && !filters.unitId ? t("scope.unit", { name: ctx.scope.unitName }) : "",
    scopeLabel(filters, options, (key, name) => t(`scope.${key}`, { name }), t("scope.archived")),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <ClientMessages keys={["dashboard.chart"]}>
      <>
        <PageHeader
          title={t("title")}
          description={t.rich("subtitle", {
            preset: t(`presets.${period.preset}`),
            period: shown(period),
            bucket: period.bucket,
            scope: scope ? ` · ${scope}` : "",
            time: (chunks) => <time dateTime={period.from.toISOString()}>{chunks}</time>,
          })}
        />
        <FilterBar filters={filters} errors={errors} options={options} period={period} />
        <ReplicaNotice />
        {noResponses ? (
          <div className="mb-6">
            {filtered ? (
              <EmptyState
                title={t("empty.filteredTitle")}
                action={
                  <Link
                    href={
                      period.preset === "custom"
                        ? `/?preset=custom&from=${period.from.toISOString().slice(0, 10)}&to=${new Date(period.to.getTime() - 1).toISOString().slice(0, 10)}`
                        : `/?preset=${period.preset}`
                    }
                    className={buttonClass("primary")}
                  >
                    {t("empty.filteredAction")}
                  </Link>
                }
              >
                {t("empty.filteredBody")}
              </EmptyState>
            ) : (
              <EmptyState
                title={t("empty.title")}
                action={
                  <Link href="/surveys" className={buttonClass("primary")}>
                    {t("empty.action")}
                  </Link>
                }
              >
                {t("empty.body")}
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
          <Section id="by-unit" title={t("sections.byUnit")}>
            <ByUnitCard league={byUnit} query={withoutUnit} up={up} />
          </Section>
        ) : null}
        {noResponses ? null : (
          <Section id="trends" title={t("sections.trends")} description={t("sections.trendsDescription")}>
            <TrendSection trends={trends} query={query} />
          </Section>
        )}
        <Section id="what-customers-say" title={t("sections.themes")} description={t("sections.themesDescription")}>
          <ThemesCard report={themes} query={query} />
        </Section>
        <Section id="compare" title={t("sections.compare")} description={t("sections.compareDescription")}>
          <ComparePanel filters={filters} errors={errors} segments={options.segments} comparison={comparison} />
        </Section>
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("sections.activity")}</h2>
        <SummaryCounts summary={activity} />
        <p className="mt-6 text-xs text-slate-600">
          {t.rich("footnote", {
            link: (chunks) => (
              <Link href="/reports" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </>
    </ClientMessages>
  );
}
