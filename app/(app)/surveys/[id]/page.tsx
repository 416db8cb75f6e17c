import { getTranslations } from "next-intl/server";
import { orNotFound, requestOrigin, requireCtx } from "@/lib/auth/action";
import { listTouchpoints } from "@/lib/journeys/service";
import { getSurveyDetail } from "@/lib/surveys/builder";
import { embedScriptPath } from "@/lib/surveys/embed-asset";
import { SurveyEditor } from "@/components/survey-builder/survey-editor";
import { touchpointGroups } from "@/components/survey-builder/touchpoint-groups";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys.editor");
  return { title: t("title") };
}

export default async function SurveyEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("manager");
  const { id } = await params;
  const [survey, touchpoints, origin] = await Promise.all([
    orNotFound(getSurveyDetail(ctx, id)),
    listTouchpoints(ctx),
    requestOrigin(),
  ]);
  return (
    <ClientMessages keys={["surveys.builder", "surveys.editor", "surveys.status", "surveys.type", "errors.service"]}>
      <SurveyEditor
        initial={survey}
        touchpointGroups={touchpointGroups(touchpoints)}
        origin={origin}
        embedPath={embedScriptPath()}
        organization={survey.organization}
      />
    </ClientMessages>
  );
}
