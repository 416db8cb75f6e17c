import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getJourney } from "@/lib/journeys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TouchpointCard } from "@/components/journeys/touchpoint-card";

export const dynamic = "force-dynamic";
export const metadata = { title: "Journey" };

export default async function JourneyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  const journey = await orNotFound(getJourney(ctx, id));

  return (
    <>
      <p className="mb-3">
        <Link href="/journeys" className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
          <ArrowLeft aria-hidden="true" size={16} /> All journeys
        </Link>
      </p>
      <PageHeader title={journey.name} description={journey.description ?? undefined} />
      {journey.stages.length === 0 ? (
        <EmptyState title="This journey has no stages yet" />
      ) : (
        <div role="region" aria-label={`Stages of ${journey.name} (scrolls sideways)`} tabIndex={0} className="relative -mx-4 overflow-x-auto px-4 pb-4 sm:mx-0 sm:px-0">
          <ol className="flex min-w-min gap-4">
            {journey.stages.map((stage, index) => (
              <li key={stage.id} className="flex w-72 shrink-0 flex-col rounded-lg border border-slate-200 bg-slate-100/70 p-3">
                <h2 className="text-sm font-semibold text-slate-900">
                  <span className="mr-1.5 text-slate-500 tabular-nums">{index + 1}.</span>
                  {stage.name}
                </h2>
                {stage.description ? <p className="mt-1 text-xs text-slate-600">{stage.description}</p> : null}
                {stage.blueprint.customerAction ? (
                  <p className="mt-2 text-xs text-slate-700">
                    <span className="font-medium">Customer:</span> {stage.blueprint.customerAction}
                  </p>
                ) : null}
                <ul className="mt-3 flex flex-col gap-2" aria-label={`Touchpoints in ${stage.name}`}>
                  {stage.touchpoints.length === 0 ? <li className="text-xs text-slate-500">No touchpoints</li> : null}
                  {stage.touchpoints.map((tp) => (
                    <li key={tp.id}>
                      <TouchpointCard tp={tp} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
