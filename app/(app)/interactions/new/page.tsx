import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { getLoggingOptions, loggableCustomer } from "@/lib/interactions/logging";
import { PageHeader } from "@/components/ui/page-header";
import { LogInteractionForm } from "@/components/interactions/log-interaction-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Log an interaction" };

export default async function LogInteractionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireCtx("viewer", "unit");
  if (!hasRole(ctx.role, "agent")) {
    return (
      <>
        <PageHeader title="Log an interaction" />
        <EmptyState title="Your role can only read">Ask an admin for the agent role to log interactions.</EmptyState>
      </>
    );
  }
  const sp = await searchParams;
  const customerId = typeof sp.customerId === "string" ? sp.customerId : undefined;
  const [options, customer] = await Promise.all([
    getLoggingOptions(ctx),
    customerId ? loggableCustomer(ctx, customerId) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Log an interaction"
        description={
          <>
            Who, where, how it went and how they felt.
            <span className="pointer-coarse:hidden"> Ctrl+Enter saves.</span>
          </>
        }
      />
      <LogInteractionForm
        options={options}
        initialCustomer={customer ? { id: customer.id, name: customer.name } : undefined}
      />
    </>
  );
}
