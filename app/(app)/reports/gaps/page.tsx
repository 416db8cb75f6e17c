import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
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
import { MapFilters } from "@/components/journeys/map-filters";
import { GapChart } from "@/components/reports/gap-chart";
import { GapTable } from "@/components/reports/gap-table";
import { PrintButton } from "@/components/reports/print-button";
import { ServqualHeatmap, ServqualTable } from "@/components/reports/servqual-heatmap";
import { BackLink } from "@/components/ui/back-link";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.gaps");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function GapsReportPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit"); // over the caller's units (lib/analytics/unit-filter.ts)
  const [t, f] = await Promise.all([getTranslations("reports.gaps"), getFormats()]);
  const { filters, errors } = parseFiltersLeniently(await searchParams, await getIssueWording());
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
  const shownPeriod = f.period(report.period.from, new Date(report.period.to.getTime() - 1));

  return (
    <ClientMessages keys={["reports.gaps.chart"]}>
      <BackLink href="/reports">{t("back")}</BackLink>
      <PageHeader
        title={t("title")}
        description={t("description", { period: shownPeriod })}
        actions={
          <span className="flex flex-nowrap gap-2 print:hidden">
            <a href={csvHref} className={buttonClass("secondary")} download>
              <Download aria-hidden="true" size={16} /> {t("csv")}
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
        label={t("filters")}
      />
      {servqual.rows.length > 0 && report.rows.length > 0 ? (
        <p className="mb-3 text-sm print:hidden">
          <a href="#servqual-heading" className="font-medium text-brand-700 hover:underline">
            {t("jump", { count: f.count(servqual.rows.length) })}
          </a>
        </p>
      ) : null}
      {report.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("empty")}</EmptyState>
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
              {t("servqual.heading")}
            </h2>
            <p className="max-w-prose text-sm text-slate-600">{t("servqual.description")}</p>
          </div>
          {servqual.rows.length > 0 ? (
            <a href={servqualCsvHref} className={`${buttonClass("secondary")} print:hidden`} download>
              <Download aria-hidden="true" size={16} /> {t("servqual.csv")}
            </a>
          ) : null}
        </div>
        {servqual.rows.length === 0 ? (
          <EmptyState title={t("servqual.emptyTitle")}>{t("servqual.empty")}</EmptyState>
        ) : (
          <>
            <ServqualHeatmap rows={servqual.rows} dimensions={servqual.dimensions} query={query} />
            <details className="mt-3 print:hidden">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("servqual.showTable")}</summary>
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
          {t("how.heading")}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {(["gap", "verdict", "volume", "priority", "servqual"] as const).map((k) => (
            <li key={k}>{t(`how.${k}`)}</li>
          ))}
        </ul>
      </section>
    </ClientMessages>
  );
}
