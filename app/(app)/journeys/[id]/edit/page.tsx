import { Map as MapIcon } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getJourneyForEditor } from "@/lib/journeys/editor";
import { listChannels } from "@/lib/journeys/service";
import { listUnits, unitOptions } from "@/lib/units/service";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { JourneyEditor } from "@/components/journey-editor/journey-editor";
import { JourneyOutline } from "@/components/journey-editor/journey-outline";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit journey" };

export default async function EditJourneyPage({ params }: { params: Promise<{ id: string }> }) {
  // A member scoped to a unit reads the structure; changing it is for the whole organization (docs/hierarchy.md).
  const ctx = await requireCtx("manager", "unit");
  const { id } = await params;
  const readOnly = Boolean(ctx.scope);
  const [journey, channels, units] = await Promise.all([
    orNotFound(getJourneyForEditor(ctx, id)),
    readOnly ? [] : listChannels(ctx),
    readOnly ? [] : unitOptions(ctx),
  ]);

  return (
    <>
      <BackLink href="/journeys">All journeys</BackLink>
      <PageHeader
        title={readOnly ? journey.name : `Edit: ${journey.name}`}
        description={
          readOnly
            ? "Stages in order, the touchpoints where customers meet you, what you promise there, and the service blueprint behind it. Changing a journey is for members of the whole organization."
            : (journey.description ??
              "Stages in order, the touchpoints where customers meet you, what you promise there, and the service blueprint behind it.")
        }
        actions={
          <ButtonLink href={`/journeys/${journey.id}`}>
            <MapIcon aria-hidden="true" size={16} /> View live map
          </ButtonLink>
        }
      />
      {readOnly ? (
        <JourneyOutline journey={journey} unitNames={new Map((await listUnits(ctx)).map((u) => [u.id, u.name]))} />
      ) : (
        <JourneyEditor key={journey.id} initial={journey} channels={channels} units={units} />
      )}
    </>
  );
}
