import Link from "next/link";
import { Pencil } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
import { hasRole } from "@/lib/auth/roles";
import { ButtonLink } from "@/components/ui/button";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { mapFiltersQuery, parseFiltersLeniently } from "@/lib/analytics/filters";
import { segmentTags } from "@/lib/analytics/trend";
import { unitFilterOptions } from "@/lib/analytics/unit-filter";
import { getJourneyMap } from "@/lib/journeys/map";
import { listChannels } from "@/lib/journeys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { MapFilters } from "@/components/journeys/map-filters";
import { JourneyMapView } from "@/components/journeys/journey-map";
import { BlueprintLanes } from "@/components/journeys/blueprint-lanes";
import { JourneyTabs } from "@/components/journey-paths/journey-tabs";
import { BackLink } from "@/components/ui/back-link";
import { ReplicaNotice } from "@/components/dashboard/replica-notice";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("journeys.map");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function JourneyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const ctx = await requireCtx("viewer", "unit"); // figures over the caller's units (lib/analytics/unit-filter.ts)
  const { id } = await params;
  const [t, f] = await Promise.all([getTranslations("journeys.map"), getFormats()]);
  // Editing the journey is organization-wide (docs/hierarchy.md): a unit-scoped manager is not offered it.
  const canManage = hasRole(ctx.role, "manager") && !ctx.scope;
  const { filters, errors } = parseFiltersLeniently(await searchParams, await getIssueWording());
  const [map, channels, segments, units] = await Promise.all([
    orNotFound(getJourneyMap(ctx, id, filters)),
    listChannels(ctx),
    segmentTags(ctx),
    unitFilterOptions(ctx),
  ]);
  // Links from the map keep its period, channel and segment.
  const query = mapFiltersQuery(filters).toString();
  const shownPeriod = f.period(map.period.from, new Date(map.period.to.getTime() - 1));

  return (
    <ClientMessages keys={["journeys.overview"]}>
      <BackLink href="/journeys">{t("back")}</BackLink>
      <PageHeader
        title={map.journey.name}
        description={map.journey.description ?? undefined}
        actions={
          canManage ? (
            <ButtonLink href={`/journeys/${map.journey.id}/edit`} className="print:hidden">
              <Pencil aria-hidden="true" size={16} /> {t("edit")}
            </ButtonLink>
          ) : undefined
        }
      />
      <ReplicaNotice />
      <JourneyTabs journeyId={map.journey.id} query={query} current="map" />
      <MapFilters
        action={`/journeys/${map.journey.id}`}
        filters={filters}
        errors={errors}
        channels={channels}
        segments={segments}
        units={units}
        label={t("filtersLabel")}
      />
      <p className="mb-3 text-sm text-slate-600">
        {t("intro", { period: shownPeriod })}{" "}
        <Link href="/reports/gaps" className="font-medium text-brand-700 hover:underline">
          {t("gapReport")}
        </Link>
      </p>
      {map.stages.length === 0 ? (
        <EmptyState title={t("noStages")} />
      ) : (
        <>
          <JourneyMapView map={map} query={query} canManage={canManage} />
          <BlueprintLanes stages={map.stages} />
        </>
      )}
    </ClientMessages>
  );
}
