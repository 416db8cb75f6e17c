import Link from "next/link";
import { Network } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { mapFiltersQuery, parseFiltersLeniently } from "@/lib/analytics/filters";
import { segmentTags } from "@/lib/analytics/trend";
import { listChannels } from "@/lib/journeys/service";
import { LEAGUE_METRICS, leagueFigure, unitLeague, type LeagueMetric } from "@/lib/units/league";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { MapFilters } from "@/components/journeys/map-filters";
import { leagueDisplay, UnitLeagueTable } from "@/components/reports/unit-league-table";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.units");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UnitsReportPage({ searchParams }: { searchParams: SearchParams }) {
  // A unit-scoped member's table starts at their scope unit; the breadcrumb never shows the units above it.
  const ctx = await requireCtx("viewer", "unit");
  const [t, f] = await Promise.all([getTranslations("reports.units"), getFormats()]);
  const LEAGUE_DISPLAY = leagueDisplay(f);
  const params = await searchParams;
  const { filters, errors } = parseFiltersLeniently(params, await getIssueWording());
  const parentId = typeof params.parentId === "string" && params.parentId ? params.parentId : undefined;
  // NPS, CSAT or CES (an unknown value reads as the default, NPS, as an unknown filter is dropped).
  const metric: LeagueMetric = LEAGUE_METRICS.find((m) => m === params.metric) ?? "nps";
  const show = LEAGUE_DISPLAY[metric];
  const [league, channels, segments] = await Promise.all([
    orNotFound(
      unitLeague(ctx, { ...filters, parentId: parentId ?? filters.unitId, metric }, new Date(), { change: true }),
    ),
    listChannels(ctx),
    segmentTags(ctx),
  ]);
  // The table's unit is parentId (the drill-down), so its links do not carry the unit filter; they keep the metric.
  const filtersOnly = mapFiltersQuery({ ...filters, unitId: undefined });
  const withMetric = (m: LeagueMetric) => {
    const sp = new URLSearchParams(filtersOnly);
    if (m !== "nps") sp.set("metric", m);
    return sp.toString();
  };
  const query = withMetric(metric);
  const link = (q: string, id?: string) =>
    `/reports/units${q || id ? "?" : ""}${q}${q && id ? "&" : ""}${id ? `parentId=${encodeURIComponent(id)}` : ""}`;
  const here = (id?: string) => link(query, id);
  const parentName = league.parent.unit?.name ?? t("organization");
  // The top of the breadcrumb: the organization, or a scoped member's own unit (its first in-scope ancestor).
  const top = ctx.scope ? (league.parent.ancestors[0] ?? league.parent.unit) : null;
  const p = leagueFigure(metric, league.parent);
  const interval = show.interval(p);
  const shownPeriod = f.period(league.period.from, new Date(league.period.to.getTime() - 1));
  const previous = league.period.previous;
  const shownPrevious = f.period(previous.from, new Date(previous.to.getTime() - 1));
  const flagged = league.rows.filter((r) => r.significant).length;

  return (
    <>
      <BackLink href="/reports">{t("back")}</BackLink>
      <PageHeader
        title={league.parent.unit ? t("titleIn", { name: league.parent.unit.name }) : t("title")}
        description={t("description", { metric: show.label, parent: parentName, period: shownPeriod })}
      />
      <ReplicaNotice />
      <nav aria-label={t("above")} className="mb-4 text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          {top ? null : (
            <li>
              {league.parent.unit ? (
                <Link href={here()} className="text-brand-700 hover:underline">
                  {t("organizationTop")}
                </Link>
              ) : (
                <span aria-current="page">{t("organizationTop")}</span>
              )}
            </li>
          )}
          {league.parent.ancestors.map((a) => (
            <li key={a.id}>
              {a.id === top?.id ? "" : "› "}
              <Link href={here(a.id)} className="text-brand-700 hover:underline">
                {a.name}
              </Link>
            </li>
          ))}
          {league.parent.unit ? (
            <li aria-current="page">
              {league.parent.unit.id === top?.id ? "" : "› "}
              {league.parent.unit.name}
            </li>
          ) : null}
        </ol>
      </nav>
      <nav aria-label={t("metricNav")} className="mb-4 flex gap-1 border-b border-slate-200 print:hidden">
        {LEAGUE_METRICS.map((m) => (
          <Link
            key={m}
            href={link(withMetric(m), parentId ?? filters.unitId)}
            aria-current={m === metric ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${m === metric ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {LEAGUE_DISPLAY[m].label}
          </Link>
        ))}
      </nav>
      <MapFilters
        action="/reports/units"
        filters={filters}
        errors={errors}
        channels={channels}
        segments={segments}
        label={t("filters")}
        keep={{ parentId, metric: metric === "nps" ? undefined : metric }}
      />
      <p className="mb-4 text-sm text-slate-700" data-testid="parent-figure">
        {t.rich("parentFigure", {
          parent: league.parent.unit?.name ?? t("organizationTop"),
          metric: show.label,
          value: show.value(p),
          interval: interval === null ? "" : metric === "nps" ? ` ${interval}` : ` [${interval}]`,
          n: f.nEquals(p.n),
          b: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
        })}
        {league.rows.length > 0 ? t("flagged", { count: flagged, q: f.number(league.q, 2) }) : ""}
        {!league.parent.unit && league.unattributed > 0 ? t("unattributed", { count: league.unattributed }) : ""}
      </p>
      {league.rows.length === 0 ? (
        <EmptyState title={league.parent.unit ? t("noBelowTitle") : t("noneTitle")} icon={<Network size={28} />}>
          {league.parent.unit ? t("noBelow") : t("none")}
        </EmptyState>
      ) : (
        <UnitLeagueTable
          metric={metric}
          rows={league.rows}
          parent={league.parent.unit ? league.parent.unit.name : t("organization")}
          previous={shownPrevious}
          query={query}
        />
      )}
    </>
  );
}
