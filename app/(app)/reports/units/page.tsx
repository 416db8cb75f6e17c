import Link from "next/link";
import { Network } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { mapFiltersQuery, parseFiltersLeniently } from "@/lib/analytics/filters";
import { segmentTags } from "@/lib/analytics/trend";
import { listChannels } from "@/lib/journeys/service";
import { unitLeague } from "@/lib/units/league";
import { formatNumber, nEquals, shownMargin } from "@/lib/metrics";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { formatCount, formatPeriod } from "@/components/ui/format";
import { MapFilters } from "@/components/journeys/map-filters";
import { UnitLeagueTable } from "@/components/reports/unit-league-table";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "Units compared" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UnitsReportPage({ searchParams }: { searchParams: SearchParams }) {
  // A unit-scoped member's table starts at their scope unit; the breadcrumb never shows the units above it.
  const ctx = await requireCtx("viewer", "unit");
  const params = await searchParams;
  const { filters, errors } = parseFiltersLeniently(params);
  const parentId = typeof params.parentId === "string" && params.parentId ? params.parentId : undefined;
  const [league, channels, segments] = await Promise.all([
    orNotFound(unitLeague(ctx, { ...filters, parentId: parentId ?? filters.unitId }, new Date(), { change: true })),
    listChannels(ctx),
    segmentTags(ctx),
  ]);
  // The table's unit is parentId (the drill-down), so its links do not carry the unit filter.
  const query = mapFiltersQuery({ ...filters, unitId: undefined }).toString();
  const here = (id?: string) =>
    `/reports/units${query || id ? "?" : ""}${query}${query && id ? "&" : ""}${id ? `parentId=${encodeURIComponent(id)}` : ""}`;
  const parentName = league.parent.unit?.name ?? "the organization";
  // The top of the breadcrumb: the organization, or a scoped member's own unit (its first in-scope ancestor).
  const top = ctx.scope ? (league.parent.ancestors[0] ?? league.parent.unit) : null;
  const p = league.parent.nps;
  const shownPeriod = formatPeriod(league.period.from, new Date(league.period.to.getTime() - 1));
  const flagged = league.rows.filter((r) => r.significant).length;

  return (
    <>
      <BackLink href="/reports">Reports</BackLink>
      <PageHeader
        title={league.parent.unit ? `Units in ${league.parent.unit.name}` : "Units compared"}
        description={`NPS of each unit against ${parentName}, ${shownPeriod}. A unit is flagged only where the difference holds after controlling the false discovery rate across all the units compared, so small units are not flagged for noise.`}
      />
      <ReplicaNotice />
      <nav aria-label="Units above" className="mb-4 text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          {top ? null : (
            <li>
              {league.parent.unit ? (
                <Link href={here()} className="text-brand-700 hover:underline">
                  Organization
                </Link>
              ) : (
                <span aria-current="page">Organization</span>
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
      <MapFilters
        action="/reports/units"
        filters={filters}
        errors={errors}
        channels={channels}
        segments={segments}
        label="Unit comparison filters"
        keep={{ parentId }}
      />
      <p className="mb-4 text-sm text-slate-700" data-testid="parent-figure">
        <span className="font-semibold">{parentName[0].toUpperCase() + parentName.slice(1)}</span>: NPS{" "}
        <span className="font-semibold tabular-nums">{p.nps === null ? "—" : formatNumber(p.nps, 0)}</span>
        {shownMargin(p) !== null ? ` ± ${formatNumber(shownMargin(p)!, 1)}` : ""} ({nEquals(formatCount(p.n))})
        {league.rows.length > 0
          ? ` · ${flagged === 0 ? "no unit" : flagged === 1 ? "1 unit" : `${flagged} units`} clearly above or below (Benjamini–Hochberg, q = ${league.q})`
          : ""}
        {!league.parent.unit && league.unattributed > 0
          ? ` · ${formatCount(league.unattributed)} responses without a unit count for the organization only`
          : ""}
      </p>
      {league.rows.length === 0 ? (
        <EmptyState
          title={league.parent.unit ? "No units below this one" : "No units yet"}
          icon={<Network size={28} />}
        >
          {league.parent.unit
            ? "This unit has no units below it: its figure is the one above."
            : "An admin builds the organization's hierarchy under Settings → Units; responses are then attributed to units and compared here."}
        </EmptyState>
      ) : (
        <UnitLeagueTable
          rows={league.rows}
          parent={league.parent.unit ? league.parent.unit.name : "the organization"}
          query={query}
        />
      )}
    </>
  );
}
