import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ImportWizard } from "@/components/import/import-wizard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import customers" };

// Imports change many customers at once, so they need the manager role (the API route says the same).
export default async function ImportCustomersPage() {
  const ctx = await requireCtx();
  const back = (
    <ButtonLink href="/customers" variant="secondary">
      Back to customers
    </ButtonLink>
  );
  if (!hasRole(ctx.role, "manager")) {
    return (
      <>
        <PageHeader title="Import customers" actions={back} />
        <EmptyState title="Importing needs the manager role">
          Imports add or change many customers at once, so only managers and admins can run them. Ask one of them to import the file, or to change your role.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Import customers" description="Add or update customers from a CSV file. Row numbers count the header as row 1, as in a spreadsheet." actions={back} />
      <ImportWizard />
    </>
  );
}
