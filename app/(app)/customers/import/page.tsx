import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ImportWizard } from "@/components/import/import-wizard";
import { isKind } from "@/components/import/kinds";
import { orNotFound } from "@/lib/auth/action";
import { listSurveys } from "@/lib/surveys/service";
import { getImportSurvey } from "@/lib/import/responses";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("customers.import");
  return { title: t("title") };
}

const BACK = { customers: "/customers", interactions: "/interactions", responses: "/surveys" } as const;

// Imports change many records at once, so they need the manager role (the API routes say the same).
// ?kind=customers (default) | interactions | responses chooses what the wizard imports; responses also take
// ?surveyId= (another organization's survey is a 404).
export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string; surveyId?: string }>;
}) {
  const ctx = await requireCtx();
  const { kind: requested, surveyId } = await searchParams;
  const kind = isKind(requested) ? requested : "customers";
  const t = await getTranslations("customers.import");
  const title = t(`kinds.${kind}.title`);
  const back = (
    <ButtonLink href={BACK[kind]} variant="secondary">
      {t(`kinds.${kind}.back`)}
    </ButtonLink>
  );
  if (!hasRole(ctx.role, "manager")) {
    return (
      <>
        <PageHeader title={title} actions={back} />
        <EmptyState title={t("needsManagerTitle")}>{t("needsManagerBody")}</EmptyState>
      </>
    );
  }
  const forResponses = kind === "responses";
  const [surveys, survey] = forResponses
    ? await Promise.all([listSurveys(ctx), surveyId ? orNotFound(getImportSurvey(ctx, surveyId)) : null])
    : [[], null];
  return (
    <ClientMessages keys={["customers.import.wizard", "errors.service"]}>
      <PageHeader title={title} description={`${t(`kinds.${kind}.description`)} ${t("rowNumbers")}`} actions={back} />
      <ImportWizard
        key={`${kind}-${survey?.id ?? ""}`}
        kind={kind}
        survey={survey && { id: survey.id, name: survey.name, columns: survey.columns }}
        surveys={surveys.map((s) => ({ id: s.id, name: s.name, status: s.status, responseCount: s.responseCount }))}
      />
    </ClientMessages>
  );
}
