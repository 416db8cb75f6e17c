import Link from "next/link";
import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { filtersToSearchParams, parseFiltersLeniently } from "@/lib/analytics/filters";
import { getDrivers, type DriverOutcome } from "@/lib/analytics/drivers";
import { segmentTags } from "@/lib/analytics/trend";
import { unitFilterOptions } from "@/lib/analytics/unit-filter";
import { listChannels } from "@/lib/journeys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { DriverFilters } from "@/components/drivers/driver-filters";
import { DriverTable } from "@/components/drivers/driver-table";
import { QuadrantChart } from "@/components/drivers/quadrant-chart";
import { rankDrivers, shortLabels, toPoints } from "@/components/drivers/figures";
import { BackLink } from "@/components/ui/back-link";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.drivers");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DriversPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit"); // over the caller's units (lib/analytics/unit-filter.ts)
  const [t, f] = await Promise.all([getTranslations("reports.drivers"), getFormats()]);
  const sp = await searchParams;
  const { filters, errors } = parseFiltersLeniently(sp, await getIssueWording());
  const outcome: DriverOutcome = sp.outcome === "csat" ? "csat" : "nps";
  if (sp.outcome && sp.outcome !== "nps" && sp.outcome !== "csat") errors.outcome = t("outcomeError");
  const [analysis, channels, segments, units] = await Promise.all([
    orNotFound(getDrivers(ctx, { ...filters, outcome })),
    listChannels(ctx),
    segmentTags(ctx),
    unitFilterOptions(ctx),
  ]);
  const query = filtersToSearchParams({ ...filters, compare: undefined, bucket: undefined });
  query.set("outcome", outcome);
  const csvHref = `/api/v1/metrics/drivers?${query.toString()}&format=csv`;
  const shownPeriod = f.period(analysis.period.from, new Date(analysis.period.to.getTime() - 1));
  const ranked = rankDrivers(analysis.drivers);
  const labels = shortLabels(ranked.map((d) => d.label));
  const rows = ranked.map((d, i) => ({ ...d, label: labels[i], rank: i + 1 }));
  const points = toPoints(rows);
  const scales = analysis.drivers.flatMap((d) =>
    d.scale.min !== null && d.scale.max !== null ? [d.scale.min, d.scale.max] : [],
  );
  const scale: [number, number] = scales.length ? [Math.min(...scales), Math.max(...scales)] : [1, 5];
  const name = outcome.toUpperCase(); // NPS, CSAT: the same in every language
  const pct = (x: number) => f.number(100 * x, 1);

  return (
    <ClientMessages keys={["reports.drivers.chart"]}>
      <BackLink href="/reports">{t("back")}</BackLink>
      <PageHeader
        title={t("title")}
        description={
          analysis.survey
            ? t("descriptionSurvey", { name, period: shownPeriod, survey: analysis.survey.name })
            : t("description", { name, period: shownPeriod })
        }
        actions={
          analysis.drivers.length > 0 ? (
            <a href={csvHref} className={buttonClass("secondary")} download>
              <Download aria-hidden="true" size={16} /> {t("csv")}
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
          title={filters.surveyId ? t("noItemsTitle") : t("noSurveyTitle", { name })}
          action={
            <Link href="/surveys" className={buttonClass("primary")}>
              {t("toSurveys")}
            </Link>
          }
        >
          {t("noSurvey", { name })}
          {filters.surveyId ? ` ${t("pickAnother")}` : ""}
        </EmptyState>
      ) : (
        <>
          <section
            aria-labelledby="quadrant-title"
            data-testid="driver-quadrant"
            className="mb-6 min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <h2 id="quadrant-title" className="text-base font-semibold text-slate-900">
              {t("quadrantTitle")}
            </h2>
            {analysis.enough && analysis.cuts ? (
              <>
                <p className="mb-3 text-xs text-slate-600">
                  {t("model", {
                    n: f.count(analysis.n),
                    r2: pct(analysis.rSquared!),
                    name,
                    low: pct(analysis.rSquaredInterval!.low),
                    high: pct(analysis.rSquaredInterval!.high),
                    resamples: f.count(analysis.resamples),
                  })}
                </p>
                <QuadrantChart points={points} cuts={analysis.cuts} scale={scale} title={t("chartTitle", { name })} />
              </>
            ) : (
              <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("notEnough", { n: f.count(analysis.n), needed: f.count(analysis.needed) })}
                {analysis.reason === "outcome-constant" ? ` ${t("constant", { name })}` : ` ${t("longer")}`}
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
          {t("how.heading")}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("how.rows", { name })}</li>
          <li>{t("how.importance")}</li>
          <li>{t("how.interval", { resamples: f.count(1000) })}</li>
          <li>{t("how.performance")}</li>
        </ul>
      </section>
    </ClientMessages>
  );
}
