import { Download } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { mapFiltersQuery, parseFiltersLeniently } from "@/lib/analytics/filters";
import { segmentTags } from "@/lib/analytics/trend";
import { unitFilterOptions } from "@/lib/analytics/unit-filter";
import { getGapReport } from "@/lib/journeys/gaps-report";
import { getServqualReport } from "@/lib/journeys/servqual";
import { listChannels } from "@/lib/journeys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatPeriod } from "@/components/ui/format";
import { MapFilters } from "@/components/journeys/map-filters";
import { GapChart } from "@/components/reports/gap-chart";
import { GapTable } from "@/components/reports/gap-table";
import { PrintButton } from "@/components/reports/print-button";
import { ServqualHeatmap, ServqualTable } from "@/components/reports/servqual-heatmap";
import { BackLink } from "@/components/ui/back-link";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "Experience gaps" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function GapsReportPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit"); // over the caller's units (lib/analytics/unit-filter.ts)
  const { filters, errors } = parseFiltersLeniently(await searchParams);
  const [report, servqual, channels, segments, units] = await Promise.all([
    orNotFound(getGapReport(ctx, filters)),
    orNotFound(getServqualReport(ctx, filters)),
    listChannels(ctx),
    segmentTags(ctx),
    unitFilterOptions(ctx),
  ]);
  const query = mapFiltersQuery(filters).toString();
  const csvHref = `/api/v1/reports/gaps?${query ? `${query}&` : ""}format=csv`;
  const servqualCsvHref = `/api/v1/reports/servqual?${query ? `${query}&` : ""}format=csv`;
  const shownPeriod = formatPeriod(report.period.from, new Date(report.period.to.getTime() - 1));

  return (
    <>
      <BackLink href="/reports">Reports</BackLink>
      <PageHeader
        title="Experience gaps"
        description={`Promised vs perceived at every touchpoint with a target, ${shownPeriod}. The first row is where to act first.`}
        actions={
          <span className="flex flex-nowrap gap-2 print:hidden">
            <a href={csvHref} className={buttonClass("secondary")} download>
              <Download aria-hidden="true" size={16} /> Download CSV
            </a>
            <PrintButton />
          </span>
        }
      />
      <ReplicaNotice />
      <MapFilters
        action="/reports/gaps"
        filters={filters}
        errors={errors}
        channels={channels}
        segments={segments}
        units={units}
        label="Gap report filters"
      />
      {servqual.rows.length > 0 && report.rows.length > 0 ? (
        <p className="mb-3 text-sm print:hidden">
          <a href="#servqual-heading" className="font-medium text-brand-700 hover:underline">
            Jump to the SERVQUAL gaps by dimension ({servqual.rows.length} touchpoints) ↓
          </a>
        </p>
      ) : null}
      {report.rows.length === 0 ? (
        <EmptyState title="No touchpoint has a promised score yet">
          Set a target CSAT, CES or NPS on a touchpoint to compare it with what customers perceive.
        </EmptyState>
      ) : (
        <>
          <GapChart rows={report.rows} query={query} />
          <GapTable rows={report.rows} query={query} />
        </>
      )}
      <section aria-labelledby="servqual-heading" className="mt-8 print:break-before-page">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="servqual-heading" className="text-lg font-semibold text-slate-900">
              SERVQUAL gaps
            </h2>
            <p className="max-w-prose text-sm text-slate-600">
              Perception − expectation for the five service-quality dimensions, at every touchpoint with SERVQUAL
              answers in the period. Negative = customers got less than they expect.
            </p>
          </div>
          {servqual.rows.length > 0 ? (
            <a href={servqualCsvHref} className={`${buttonClass("secondary")} print:hidden`} download>
              <Download aria-hidden="true" size={16} /> SERVQUAL CSV
            </a>
          ) : null}
        </div>
        {servqual.rows.length === 0 ? (
          <EmptyState title="No SERVQUAL answers in this period">
            Create a survey from the SERVQUAL template, ask it at a touchpoint, and the gaps per dimension appear here.
          </EmptyState>
        ) : (
          <>
            <ServqualHeatmap rows={servqual.rows} dimensions={servqual.dimensions} query={query} />
            <details className="mt-3 print:hidden">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">
                Show the SERVQUAL figures as a table
              </summary>
              <div className="mt-2">
                <ServqualTable rows={servqual.rows} />
              </div>
            </details>
          </>
        )}
      </section>
      <section
        aria-labelledby="gap-how"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm print:break-inside-avoid print:border-0 print:p-0 print:shadow-none"
      >
        <h2 id="gap-how" className="mb-2 font-semibold text-slate-900">
          How these are calculated
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Gap = perceived − promised, on the promise’s scale: CSAT and CES as means (1–5, 1–7) with a Student-t
            interval, NPS in points with 1.96 × its standard error. The gap’s interval is the perceived interval shifted
            by the target.
          </li>
          <li>
            A friction point is significantly below its promise (the whole interval is below 0), a moment of delight
            significantly above. Below 30 responses a gap is flagged “too few responses” and never called significant.
          </li>
          <li>
            Volume = the larger of the interactions and the responses at the touchpoint in the period (a response
            usually follows an interaction, so they are not added).
          </li>
          <li>
            Priority = shortfall as a % of the metric’s scale range (CSAT 4 points, CES 6, NPS 200) × volume, for
            friction points only.
          </li>
          <li>
            SERVQUAL gap = perception − expectation (1–7), paired: only responses that answered both items of a
            dimension count (n = pairs); the mean of their differences with a Student-t 95 % interval. A cell’s colour
            shows the size of the gap (from 0.25, 0.75 and 1.25 points); a bold figure marked “sig.” has its whole
            interval below or above 0. Under 30 pairs a cell is hatched “too few” and never significant.
          </li>
        </ul>
      </section>
    </>
  );
}
