import { Map as MapIcon } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getJourneyForEditor } from "@/lib/journeys/editor";
import { listChannels } from "@/lib/journeys/service";
import { unitOptions } from "@/lib/units/service";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { JourneyEditor } from "@/components/journey-editor/journey-editor";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit journey" };

export default async function EditJourneyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("manager");
  const { id } = await params;
  const [journey, channels, units] = await Promise.all([
    orNotFound(getJourneyForEditor(ctx, id)),
    listChannels(ctx),
    unitOptions(ctx),
  ]);

  return (
    <>
      <BackLink href="/journeys">All journeys</BackLink>
      <PageHeader
        title={`Edit: ${journey.name}`}
        description={
          journey.description ??
          "Stages in order, the touchpoints where customers meet you, what you promise there, and the service blueprint behind it."
        }
        actions={
          <ButtonLink href={`/journeys/${journey.id}`}>
            <MapIcon aria-hidden="true" size={16} /> View live map
          </ButtonLink>
        }
      />
      <JourneyEditor key={journey.id} initial={journey} channels={channels} units={units} />
    </>
  );
}
