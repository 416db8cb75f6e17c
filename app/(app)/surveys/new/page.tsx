import { requireCtx } from "@/lib/auth/action";
import { listTouchpoints } from "@/lib/journeys/service";
import { TEMPLATE_IDS, TEMPLATES } from "@/lib/surveys/templates";
import { PageHeader } from "@/components/ui/page-header";
import { NewSurveyForm } from "@/components/survey-builder/new-survey-form";
import { touchpointGroups } from "@/components/survey-builder/touchpoint-groups";

export const dynamic = "force-dynamic";
export const metadata = { title: "New survey" };

export default async function NewSurveyPage() {
  const ctx = await requireCtx("manager");
  const touchpoints = await listTouchpoints(ctx);
  const templates = TEMPLATE_IDS.map((id) => ({
    id,
    name: TEMPLATES[id].name,
    description: TEMPLATES[id].description,
    count: TEMPLATES[id].questions.length,
  }));
  return (
    <>
      <PageHeader
        title="New survey"
        description="Start from a template; you can change every question before publishing."
      />
      <NewSurveyForm templates={templates} touchpointGroups={touchpointGroups(touchpoints)} />
    </>
  );
}
