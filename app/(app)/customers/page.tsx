import Link from "next/link";
import { Search, Users } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { customerListQuery } from "@/lib/customers/schema";
import { listCustomers } from "@/lib/customers/service";
import { PageHeader } from "@/components/ui/page-header";
import { CsvLinks } from "@/components/import/csv-links";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { formatDate } from "@/components/ui/format";
import { ConsentBadge, TagList } from "@/components/customers/consent-badge";
import { AddCustomerForm } from "@/components/customers/add-customer-form";
import { homeUnitChoiceForNew } from "@/lib/customers/home-unit";

export const dynamic = "force-dynamic";
export const metadata = { title: "Customers" };

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

type Row = Awaited<ReturnType<typeof listCustomers>>["data"][number];

const COLUMNS: Column<Row>[] = [
  {
    header: "Name",
    className: "table-view:min-w-36 table-view:font-medium",
    cell: (c) => (
      <Link href={`/customers/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
        {c.name ?? c.email ?? c.externalId ?? "Unnamed customer"}
      </Link>
    ),
  },
  { header: "E-mail", className: "text-slate-700 table-view:whitespace-nowrap", cell: (c) => c.email ?? "—" },
  {
    header: "External id",
    className: "font-mono text-xs text-slate-700 table-view:whitespace-nowrap",
    cell: (c) => c.externalId ?? "—",
  },
  { header: "Tags", cell: (c) => <TagList tags={c.tags} /> },
  { header: "Consent", cell: (c) => <ConsentBadge consent={c.consent} /> },
  {
    header: "Created",
    className: "text-slate-700 table-view:whitespace-nowrap",
    cell: (c) => formatDate(c.createdAt),
  },
];

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  // A unit-scoped member sees and adds the customers of their units (lib/customers/visible.ts).
  const ctx = await requireCtx("viewer", "unit");
  const sp = await searchParams;
  const parsed = customerListQuery.safeParse({ q: one(sp.q), cursor: one(sp.cursor), limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : customerListQuery.parse({ limit: PAGE_SIZE });
  const page = await listCustomers(ctx, query);
  const canAdd = hasRole(ctx.role, "agent");
  const units = canAdd ? await homeUnitChoiceForNew(ctx) : null;

  return (
    <>
      <PageHeader
        title="Customers"
        description={
          ctx.scope
            ? `The customers of ${ctx.scope.unitName}: at home there or served there, newest first.`
            : "Everyone your organization has talked to, newest first."
        }
        actions={
          <>
            <CsvLinks
              role={ctx.role}
              importHref={ctx.scope ? undefined : "/customers/import"}
              exportHref="/api/v1/exports/customers"
            />
          </>
        }
      />

      {canAdd ? (
        <details
          id="add-customer"
          open={Boolean(one(sp.new))}
          className="group mb-6 rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          <summary className="flex min-h-11 items-center gap-2 rounded-lg px-4 text-sm font-semibold text-slate-900 hover:bg-slate-50">
            <span aria-hidden="true" className="text-brand-700 transition-transform group-open:rotate-45">
              +
            </span>
            Add customer
          </summary>
          <div className="border-t border-slate-200 p-4">
            <AddCustomerForm key={one(sp.new) ?? ""} defaultName={one(sp.new)} units={units} />
          </div>
        </details>
      ) : null}

      <form role="search" method="get" action="/customers" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-md">
          <label htmlFor="customer-search" className="text-sm font-medium text-slate-800">
            Search customers
          </label>
          <input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder="Start of name, e-mail or external id"
            autoComplete="off"
            className={controlClass}
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          <Search aria-hidden="true" size={16} /> Search
        </button>
        {query.q ? (
          <Link href="/customers" className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </form>

      {page.data.length === 0 ? (
        query.q ? (
          <EmptyState title={`No customers start with “${query.q}”`} icon={<Search size={28} />}>
            Search matches the beginning of a name, an e-mail address or an external id.
          </EmptyState>
        ) : (
          <EmptyState title="No customers yet" icon={<Users size={28} />}>
            {canAdd
              ? "Add one above, or import customers through the REST API (POST /api/v1/customers)."
              : "Customers appear here once your team adds or imports them."}
          </EmptyState>
        )
      ) : (
        <DataTable label="Customers" rows={page.data} rowKey={(c) => c.id} columns={COLUMNS} />
      )}
      <Pagination path="/customers" params={{ q: query.q }} nextCursor={page.nextCursor} isFirstPage={!query.cursor} />
    </>
  );
}
