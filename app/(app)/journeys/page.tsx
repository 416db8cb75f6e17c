import Link from "next/link";
import { Route } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/lib/i18n/server";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listJourneys } from "@/lib/journeys/service";
import { journeyScorecards } from "@/lib/journeys/scorecards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { JourneyScores } from "@/components/journeys/journey-scores";
import { NewJourneyForm } from "@/components/journey-editor/new-journey-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("journeys.list");
  return { title: t("title") };
}

const strong = (chunks: React.ReactNode) => <strong className="tabular-nums">{chunks}</strong>;

export default async function JourneysPage() {
  // Every member reads the journeys; a member scoped to a unit sees its figures only and changes nothing.
  const ctx = await requireCtx("viewer", "unit");
  const [t, f] = await Promise.all([getTranslations("journeys.list"), getFormats()]);
  const journeys = await listJourneys(ctx);
  // The maps' default period, for every journey at once (one query and two GROUP BYs, however many cards).
  const { period, byJourney } = await journeyScorecards(
    ctx,
    journeys.map((j) => j.id),
  );
  const canEdit = hasRole(ctx.role, "manager") && !ctx.scope;

  return (
    <ClientMessages keys={["journeys.new", "journeys.request", "errors.field", "errors.service"]}>
      <>
        <PageHeader
          title={t("title")}
          description={t("description", { period: f.period(period.from, new Date(period.to.getTime() - 1)) })}
          actions={canEdit ? <NewJourneyForm /> : undefined}
        />
        {journeys.length === 0 ? (
          <EmptyState title={t("emptyTitle")} icon={<Route size={28} />}>
            {canEdit ? t("emptyManager") : t("emptyViewer")}
          </EmptyState>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {journeys.map((j) => (
              <li key={j.id}>
                <Link
                  href={`/journeys/${j.id}`}
                  className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-200 hover:bg-brand-50/40"
                >
                  <span className="text-base font-semibold text-slate-900">{j.name}</span>
                  {j.description ? <span className="line-clamp-3 text-sm text-slate-600">{j.description}</span> : null}
                  {byJourney.has(j.id) ? <JourneyScores card={byJourney.get(j.id)!} /> : null}
                  <span className="mt-auto flex flex-wrap gap-x-4 pt-2 text-sm text-slate-700">
                    <span>{t.rich("stages", { count: j.stageCount, b: strong })}</span>
                    <span>{t.rich("touchpoints", { count: j.touchpointCount, b: strong })}</span>
                  </span>
                  <span className="text-xs text-slate-500">{t("created", { date: f.date(j.createdAt) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    </ClientMessages>
  );
}
