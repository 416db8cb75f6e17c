import Link from "next/link";
import { Route } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listJourneys } from "@/lib/journeys/service";
import { journeyScorecards } from "@/lib/journeys/scorecards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatPeriod } from "@/components/ui/format";
import { JourneyScores } from "@/components/journeys/journey-scores";
import { NewJourneyForm } from "@/components/journey-editor/new-journey-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Journeys" };

export default async function JourneysPage() {
  // Every member reads the journeys; a member scoped to a unit sees its figures only and changes nothing.
  const ctx = await requireCtx("viewer", "unit");
  const journeys = await listJourneys(ctx);
  // The maps' default period, for every journey at once (one query and two GROUP BYs, however many cards).
  const { period, byJourney } = await journeyScorecards(
    ctx,
    journeys.map((j) => j.id),
  );
  const canEdit = hasRole(ctx.role, "manager") && !ctx.scope;

  return (
    <>
      <PageHeader
        title="Journeys"
        description={`The paths customers take, stage by stage, with the touchpoints where they meet you and what you promise there. Scores for ${formatPeriod(period.from, new Date(period.to.getTime() - 1))}.`}
        actions={canEdit ? <NewJourneyForm /> : undefined}
      />
      {journeys.length === 0 ? (
        <EmptyState title="No journeys yet" icon={<Route size={28} />}>
          {canEdit
            ? "Map a journey (for example Onboarding or Support) with New journey, then add its stages and touchpoints."
            : "A manager maps journeys (for example Onboarding or Support); ask one to add the first."}
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
                  <span>
                    <strong className="tabular-nums">{j.stageCount}</strong> {j.stageCount === 1 ? "stage" : "stages"}
                  </span>
                  <span>
                    <strong className="tabular-nums">{j.touchpointCount}</strong>{" "}
                    {j.touchpointCount === 1 ? "touchpoint" : "touchpoints"}
                  </span>
                </span>
                <span className="text-xs text-slate-500">Created {formatDate(j.createdAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
