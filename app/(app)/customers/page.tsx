import Link from "next/link";
import { Search, Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
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
import { getFormats } from "@/lib/i18n/server";
import { ConsentBadge, TagList } from "@/components/customers/consent-badge";
import { AddCustomerForm } from "@/components/customers/add-customer-form";
import { homeUnitChoiceForNew } from "@/lib/customers/home-unit";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("customers");
  return { title: t("title") };
}

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

type Row = Awaited<ReturnType<typeof listCustomers>>["data"][number];

async function columns(): Promise<Column<Row>[]> {
  const [t, f] = await Promise.all([getTranslations("customers"), getFormats()]);
  return [
    {
      header: t("columns.name"),
      className: "table-view:min-w-36 table-view:font-medium",
      cell: (c) => (
        <Link href={`/customers/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          {c.name ?? c.email ?? c.externalId ?? t("unnamed")}
        </Link>
      ),
    },
    {
      header: t("columns.email"),
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (c) => c.email ?? "—",
    },
    {
      header: t("columns.externalId"),
      className: "font-mono text-xs text-slate-700 table-view:whitespace-nowrap",
      cell: (c) => c.externalId ?? "—",
    },
    { header: t("columns.tags"), cell: (c) => <TagList tags={c.tags} /> },
    { header: t("columns.consent"), cell: (c) => <ConsentBadge consent={c.consent} /> },
    {
      header: t("columns.created"),
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (c) => f.date(c.createdAt),
    },
  ];
}

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  // A unit-scoped member sees and adds the customers of their units (lib/customers/visible.ts).
  const ctx = await requireCtx("viewer", "unit");
  const sp = await searchParams;
  const parsed = customerListQuery.safeParse({ q: one(sp.q), cursor: one(sp.cursor), limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : customerListQuery.parse({ limit: PAGE_SIZE });
  const page = await listCustomers(ctx, query);
  const canAdd = hasRole(ctx.role, "agent");
  const units = canAdd ? await homeUnitChoiceForNew(ctx) : null;
  const [t, cols] = await Promise.all([getTranslations("customers"), columns()]);

  return (
    <ClientMessages keys={["customers.form", "customers.homeUnit"]}>
      <>
        <PageHeader
          title={t("title")}
          description={ctx.scope ? t("descriptionScoped", { unit: ctx.scope.unitName }) : t("descriptionAll")}
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
              {t("add")}
            </summary>
            <div className="border-t border-slate-200 p-4">
              <AddCustomerForm key={one(sp.new) ?? ""} defaultName={one(sp.new)} units={units} />
            </div>
          </details>
        ) : null}

        <form role="search" method="get" action="/customers" className="mb-4 flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-md">
            <label htmlFor="customer-search" className="text-sm font-medium text-slate-800">
              {t("searchLabel")}
            </label>
            <input
              id="customer-search"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder={t("searchPlaceholder")}
              autoComplete="off"
              className={controlClass}
            />
          </div>
          <button type="submit" className={buttonClass("primary")}>
            <Search aria-hidden="true" size={16} /> {t("search")}
          </button>
          {query.q ? (
            <Link href="/customers" className={buttonClass("ghost")}>
              {t("clear")}
            </Link>
          ) : null}
        </form>

        {page.data.length === 0 ? (
          query.q ? (
            <EmptyState title={t("noMatchTitle", { q: query.q })} icon={<Search size={28} />}>
              {t("noMatchBody")}
            </EmptyState>
          ) : (
            <EmptyState title={t("emptyTitle")} icon={<Users size={28} />}>
              {canAdd ? t("emptyCanAdd") : t("emptyReadOnly")}
            </EmptyState>
          )
        ) : (
          <DataTable label={t("title")} rows={page.data} rowKey={(c) => c.id} columns={cols} />
        )}
        <Pagination
          path="/customers"
          params={{ q: query.q }}
          nextCursor={page.nextCursor}
          isFirstPage={!query.cursor}
        />
      </>
    </ClientMessages>
  );
}
