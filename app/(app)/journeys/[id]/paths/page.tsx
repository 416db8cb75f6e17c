import Link from "next/link";
import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { mapFiltersQuery, parseFiltersLeniently } from "@/lib/analytics/filters";
import { segmentTags } from "@/lib/analytics/trend";
import { unitFilterOptions } from "@/lib/analytics/unit-filter";
import { listChannels } from "@/lib/journeys/service";
import { getJourneyPaths } from "@/lib/journeys/paths-report";
import { DEFAULT_STEPS, MAX_STEPS } from "@/lib/journeys/paths";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { MapFilters } from "@/components/journeys/map-filters";
import { JourneyTabs } from "@/components/journey-paths/journey-tabs";
import { PathsChart } from "@/components/journey-paths/paths-chart";
import { PathsSteps } from "@/components/journey-paths/paths-steps";
import { PathsTables } from "@/components/journey-paths/paths-tables";
import { BackLink } from "@/components/ui/back-link";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("journeys.paths");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STEP_CHOICES = [3, 4, 5, 6, 8, MAX_STEPS];

function stepsFrom(v: unknown): number {
  const n = Number(typeof v === "string" ? v : "");
  return Number.isInteger(n) && n >= 2 && n <= MAX_STEPS ? n : DEFAULT_STEPS;
}

export default async function JourneyPathsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const ctx = await requireCtx("viewer", "unit"); // figures over the caller's units (lib/analytics/unit-filter.ts)
  const { id } = await params;
  const sp = await searchParams;
  const { filters, errors } = parseFiltersLeniently(sp, await getIssueWording());
  const steps = stepsFrom(sp.steps);
  const [t, f] = await Promise.all([getTranslations("journeys.paths"), getFormats()]);
  const [data, channels, segments, units] = await Promise.all([
    orNotFound(getJourneyPaths(ctx, id, filters, steps)),
    listChannels(ctx),
    segmentTags(ctx),
    unitFilterOptions(ctx),
  ]);
  const query = mapFiltersQuery(filters);
  const withSteps = (n: number) => {
    const q = new URLSearchParams(query);
    if (n !== DEFAULT_STEPS) q.set("steps", String(n));
    const s = q.toString();
    return `/journeys/${id}/paths${s ? `?${s}` : ""}`;
  };
  const csv = new URLSearchParams(query);
  csv.set("steps", String(steps));
  csv.set("format", "csv");
  const shownPeriod = f.period(data.period.from, new Date(data.period.to.getTime() - 1));

  return (
    <ClientMessages keys={["journeys.paths.chart"]}>
      <BackLink href="/journeys">{t("back")}</BackLink>
      <PageHeader title={t("title", { name: data.journey.name })} description={t("description")} />
      <JourneyTabs journeyId={id} query={query.toString()} current="paths" />
      <MapFilters
        action={`/journeys/${id}/paths`}
        filters={filters}
        errors={errors}
        channels={channels}
        segments={segments}
        units={units}
        label={t("filtersLabel")}
      />
      <nav aria-label={t("stepsLabel")} className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t("stepsPrompt")}</span>
        {STEP_CHOICES.map((n) => (
          <Link
            key={n}
            href={withSteps(n)}
            aria-current={n === steps ? "page" : undefined}
            className={`rounded-md border px-2.5 py-1 font-medium ${n === steps ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {n}
          </Link>
        ))}
      </nav>
      <p className="mb-3 text-sm text-slate-600">
        {t("intro", { customers: data.customers, period: shownPeriod, steps })}
      </p>
      {data.customers === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <>
          <div className="mb-3 flex justify-end">
            <a
              href={`/api/v1/journeys/${id}/paths?${csv.toString()}`}
              download
              className={buttonClass("secondary", "md")}
            >
              <Download aria-hidden="true" size={16} /> {t("csv")}
            </a>
          </div>
          <PathsChart
            data={{ steps: data.steps, touchpoints: data.touchpoints, nodes: data.nodes, links: data.links }}
          />
          <PathsSteps steps={data.steps} touchpoints={data.touchpoints} nodes={data.nodes} />
          <PathsTables data={data} />
        </>
      )}
    </ClientMessages>
  );
}
