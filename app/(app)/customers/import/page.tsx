import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ImportWizard } from "@/components/import/import-wizard";
import { isKind } from "@/components/import/kinds";
import { orNotFound } from "@/lib/auth/action";
import { listSurveys } from "@/lib/surveys/service";
import { getImportSurvey } from "@/lib/import/responses";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import" };

const TEXT = {
  customers: {
    title: "Import customers",
    description: "Add or update customers from a CSV file.",
    back: { href: "/customers", label: "Back to customers" },
  },
  interactions: {
    title: "Import interactions",
    description: "Add past interactions of existing customers from a CSV file.",
    back: { href: "/interactions", label: "Back to interactions" },
  },
  responses: {
    title: "Import responses",
    description: "Add past responses of one survey from a CSV file, such as its export.",
    back: { href: "/surveys", label: "Back to surveys" },
  },
};

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
  const text = TEXT[kind];
  const back = (
    <ButtonLink href={text.back.href} variant="secondary">
      {text.back.label}
    </ButtonLink>
  );
  if (!hasRole(ctx.role, "manager")) {
    return (
      <>
        <PageHeader title={text.title} actions={back} />
        <EmptyState title="Importing needs the manager role">
          Imports add or change many records at once, so only managers and admins can run them. Ask one of them to
          import the file, or to change your role.
        </EmptyState>
      </>
    );
  }
  const forResponses = kind === "responses";
  const [surveys, survey] = forResponses
    ? await Promise.all([listSurveys(ctx), surveyId ? orNotFound(getImportSurvey(ctx, surveyId)) : null])
    : [[], null];
  return (
    <>
      <PageHeader
        title={text.title}
        description={`${text.description} Row numbers count the header as row 1, as in a spreadsheet.`}
        actions={back}
      />
      <ImportWizard
        key={`${kind}-${survey?.id ?? ""}`}
        kind={kind}
        survey={survey && { id: survey.id, name: survey.name, columns: survey.columns }}
        surveys={surveys.map((s) => ({ id: s.id, name: s.name, status: s.status, responseCount: s.responseCount }))}
      />
    </>
  );
}
