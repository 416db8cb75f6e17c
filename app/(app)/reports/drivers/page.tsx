import Link from "next/link";
import { Download } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { filtersToSearchParams, parseFiltersLeniently } from "@/lib/analytics/filters";
import { getDrivers, type DriverOutcome } from "@/lib/analytics/drivers";
import { segmentTags } from "@/lib/analytics/trend";
import { unitFilterOptions } from "@/lib/analytics/unit-filter";
import { listChannels } from "@/lib/journeys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatPeriod } from "@/components/ui/format";
import { DriverFilters } from "@/components/drivers/driver-filters";
import { DriverTable } from "@/components/drivers/driver-table";
import { QuadrantChart } from "@/components/drivers/quadrant-chart";
import { rankDrivers, shortLabels, toPoints } from "@/components/drivers/figures";
import { BackLink } from "@/components/ui/back-link";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "Key drivers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const OUTCOME_NAMES: Record<DriverOutcome, string> = { nps: "NPS", csat: "CSAT" };

export default async function DriversPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit"); // over the caller's units (lib/analytics/unit-filter.ts)
  const sp = await searchParams;
  const { filters, errors } = parseFiltersLeniently(sp);
  const outcome: DriverOutcome = sp.outcome === "csat" ? "csat" : "nps";
  if (sp.outcome && sp.outcome !== "nps" && sp.outcome !== "csat") errors.outcome = "Use nps or csat";
  const [analysis, channels, segments, units] = await Promise.all([
    orNotFound(getDrivers(ctx, { ...filters, outcome })),
    listChannels(ctx),
    segmentTags(ctx),
    unitFilterOptions(ctx),
  ]);
  const query = filtersToSearchParams({ ...filters, compare: undefined, bucket: undefined });
  query.set("outcome", outcome);
  const csvHref = `/api/v1/metrics/drivers?${query.toString()}&format=csv`;
  const shownPeriod = formatPeriod(analysis.period.from, new Date(analysis.period.to.getTime() - 1));
  const ranked = rankDrivers(analysis.drivers);
  const labels = shortLabels(ranked.map((d) => d.label));
  const rows = ranked.map((d, i) => ({ ...d, label: labels[i], rank: i + 1 }));
  const points = toPoints(rows);
  const scales = analysis.drivers.flatMap((d) =>
    d.scale.min !== null && d.scale.max !== null ? [d.scale.min, d.scale.max] : [],
  );
  const scale: [number, number] = scales.length ? [Math.min(...scales), Math.max(...scales)] : [1, 5];
  const name = OUTCOME_NAMES[outcome];

  return (
    <>
      <BackLink href="/reports">Reports</BackLink>
      <PageHeader
        title="Key drivers"
        description={`Which items move ${name}, ${shownPeriod}${analysis.survey ? ` · survey “${analysis.survey.name}”` : ""}.`}
        actions={
          analysis.drivers.length > 0 ? (
            <a href={csvHref} className={buttonClass("secondary")} download>
              <Download aria-hidden="true" size={16} /> Download CSV
            </a>
          ) : null
        }
      />
      <ReplicaNotice />
      <DriverFilters
        filters={filters}
        errors={errors}
        outcome={outcome}
        surveys={analysis.surveys}
        channels={channels}
        segments={segments}
        units={units}
      />
      {analysis.reason === "no-driver-survey" ? (
        <EmptyState
          title={filters.surveyId ? "This survey has no driver items" : `No ${name} survey rates drivers yet`}
          action={
            <Link href="/surveys" className={buttonClass("primary")}>
              Go to surveys
            </Link>
          }
        >
          A driver analysis needs a {name} survey whose headline question is followed by score questions that rate what
          might drive it (for example “How satisfied are you with value for money?”, 1–5).
          {filters.surveyId ? " Pick “Most answered” or another survey above." : ""}
        </EmptyState>
      ) : (
        <>
          <section
            aria-labelledby="quadrant-title"
            data-testid="driver-quadrant"
            className="mb-6 min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <h2 id="quadrant-title" className="text-base font-semibold text-slate-900">
              Importance × performance
            </h2>
            {analysis.enough && analysis.cuts ? (
              <>
                <p className="mb-3 text-xs text-slate-600">
                  {analysis.n} complete responses · the items explain R² = {(100 * analysis.rSquared!).toFixed(1)} % of
                  the variance in {name} scores (95 % interval {(100 * analysis.rSquaredInterval!.low).toFixed(1)} –{" "}
                  {(100 * analysis.rSquaredInterval!.high).toFixed(1)} %, {analysis.resamples} bootstrap resamples).
                  Dashed lines: the drivers’ average importance and performance.
                </p>
                <QuadrantChart
                  points={points}
                  cuts={analysis.cuts}
                  scale={scale}
                  title={`Key drivers of ${name}: importance against performance`}
                />
              </>
            ) : (
              <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Not enough data for weights: {analysis.n} complete responses, {analysis.needed} needed (10 per driver).
                {analysis.reason === "outcome-constant"
                  ? ` Every response gave the same ${name} score, so there is nothing to explain.`
                  : " Choose a longer period or fewer filters."}
              </p>
            )}
          </section>
          <DriverTable drivers={rows} />
        </>
      )}
      <section
        aria-labelledby="drivers-how"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm"
      >
        <h2 id="drivers-how" className="mb-2 font-semibold text-slate-900">
          How these are calculated
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Each response is one row: its {name} score is the outcome, its item scores are the drivers. Only responses
            that rated every driver in the model count.
          </li>
          <li>
            Importance is Johnson’s (2000) relative weight: the part of R² each driver carries, which stays meaningful
            when drivers are correlated (regression coefficients do not). Shown as a share of R²; the shares add up to
            100 %.
          </li>
          <li>
            The interval comes from {1000} bootstrap resamples of the responses (2.5th and 97.5th percentiles). A weight
            near 0 has an interval that lies above it, as weights cannot be negative.
          </li>
          <li>
            Performance is the item’s mean score. A driver answered fewer than 10 times, or a model with fewer than 10
            complete responses per driver, shows “not enough data” instead of a number.
          </li>
        </ul>
      </section>
    </>
  );
}
