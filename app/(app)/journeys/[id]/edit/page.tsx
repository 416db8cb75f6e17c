import { Map as MapIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getJourneyForEditor } from "@/lib/journeys/editor";
import { listChannels } from "@/lib/journeys/service";
import { listUnits, unitOptions } from "@/lib/units/service";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { JourneyEditor } from "@/components/journey-editor/journey-editor";
import { JourneyOutline } from "@/components/journey-editor/journey-outline";
import { BackLink } from "@/components/ui/back-link";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("journeys.editor");
  return { title: t("metaTitle") };
}

export default async function EditJourneyPage({ params }: { params: Promise<{ id: string }> }) {
  // A member scoped to a unit reads the structure; changing it is for the whole organization (docs/hierarchy.md).
  const ctx = await requireCtx("manager", "unit");
  const { id } = await params;
  const readOnly = Boolean(ctx.scope);
  const t = await getTranslations("journeys.editor");
  const [journey, channels, units] = await Promise.all([
    orNotFound(getJourneyForEditor(ctx, id)),
    readOnly ? [] : listChannels(ctx),
    readOnly ? [] : unitOptions(ctx),
  ]);

  return (
    <ClientMessages keys={["journeys.editor", "journeys.request", "errors.field", "errors.service"]}>
      <BackLink href="/journeys">{t("back")}</BackLink>
      <PageHeader
        title={readOnly ? journey.name : t("title", { name: journey.name })}
        description={readOnly ? t("descriptionReadOnly") : (journey.description ?? t("description"))}
        actions={
          <ButtonLink href={`/journeys/${journey.id}`}>
            <MapIcon aria-hidden="true" size={16} /> {t("viewMap")}
          </ButtonLink>
        }
      />
      {readOnly ? (
        <JourneyOutline journey={journey} unitNames={new Map((await listUnits(ctx)).map((u) => [u.id, u.name]))} />
      ) : (
        <JourneyEditor key={journey.id} initial={journey} channels={channels} units={units} />
      )}
    </ClientMessages>
  );
}
