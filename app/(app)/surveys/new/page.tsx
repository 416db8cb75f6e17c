import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { listTouchpoints } from "@/lib/journeys/service";
import { TEMPLATE_IDS, TEMPLATES } from "@/lib/surveys/templates";
import { PageHeader } from "@/components/ui/page-header";
import { NewSurveyForm } from "@/components/survey-builder/new-survey-form";
import { touchpointGroups } from "@/components/survey-builder/touchpoint-groups";
import { ClientMessages } from "@/components/i18n/client-messages";
import { orgLocale } from "@/lib/orgs/settings-service";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys.builder");
  return { title: t("newTitle") };
}

export default async function NewSurveyPage() {
  const ctx = await requireCtx("manager");
  const [touchpoints, t, language] = await Promise.all([
    listTouchpoints(ctx),
    getTranslations("surveys"),
    orgLocale(ctx.orgId),
  ]);
  // The template's name and description in the page's language (lib/surveys/templates.ts keeps the English).
  const templates = TEMPLATE_IDS.map((id) => ({
    id,
    name: t(`templates.${id}.name`),
    description: t(`templates.${id}.description`),
    count: TEMPLATES[id].questions.length,
  }));
  return (
    <ClientMessages keys={["surveys.builder", "errors.service"]}>
      <>
        <PageHeader title={t("builder.newTitle")} description={t("builder.newDescription")} />
        <NewSurveyForm templates={templates} touchpointGroups={touchpointGroups(touchpoints)} language={language} />
      </>
    </ClientMessages>
  );
}
