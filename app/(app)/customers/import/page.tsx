import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ImportWizard } from "@/components/import/import-wizard";
import { isKind } from "@/components/import/kinds";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import" };

const TEXT = {
  customers: { title: "Import customers", description: "Add or update customers from a CSV file.", back: { href: "/customers", label: "Back to customers" } },
  interactions: { title: "Import interactions", description: "Add past interactions of existing customers from a CSV file.", back: { href: "/interactions", label: "Back to interactions" } },
};

// Imports change many records at once, so they need the manager role (the API routes say the same).
// ?kind=customers (default) | interactions chooses what the wizard imports.
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const ctx = await requireCtx();
  const requested = (await searchParams).kind;
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
          Imports add or change many records at once, so only managers and admins can run them. Ask one of them to import the file, or to change your role.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={text.title} description={`${text.description} Row numbers count the header as row 1, as in a spreadsheet.`} actions={back} />
      <ImportWizard key={kind} kind={kind} />
    </>
  );
}
