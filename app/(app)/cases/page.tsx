import Link from "next/link";
import { LifeBuoy } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { caseListQuery, CASE_STATUSES } from "@/lib/cases/schema";
import { listCases } from "@/lib/cases/service";
import { getLoopClosure } from "@/lib/cases/loop-closure";
import { lastDays } from "@/lib/dashboard/headline";
import { updateCaseStatusAction } from "@/app/_actions/cases";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ActionForm } from "@/components/ui/action-form";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { getFormats } from "@/lib/i18n/server";
import type { Formats } from "@/lib/i18n/format";
import { CaseStatusBadge, PriorityBadge } from "@/components/cases/case-labels";
import { CaseFilters } from "@/components/cases/case-filters";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("cases");
  return { title: t("title") };
}

const PAGE_SIZE = 30;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
type CasesT = Awaited<ReturnType<typeof getTranslations<"cases">>>;

function WorkCaseLink({ id, title, t, className = "" }: { id: string; title: string; t: CasesT; className?: string }) {
  return (
    <Link
      href={`/cases/${id}`}
      aria-label={t("workCaseLabel", { title })}
      className={`inline-flex min-h-9 items-center text-sm font-medium text-brand-700 underline underline-offset-2 ${className}`}
    >
      {t("workCase")}
    </Link>
  );
}

type Row = Awaited<ReturnType<typeof listCases>>["data"][number];
const isOverdue = (c: Row, now: Date) => c.status !== "resolved" && c.dueAt !== null && c.dueAt < now;

// On a phone each case is a card with every column; the status select is for wide screens, a card shows the
// status and "Work case" (resolving needs a note, so it happens on the case page either way).
function caseColumns(canWork: boolean, now: Date, t: CasesT, f: Formats): Column<Row>[] {
  const workable = (c: Row) => canWork && c.status !== "resolved";
  // Resolving needs a resolution note: that happens on the case page, not in the list.
  const statusOptions = CASE_STATUSES.filter((s) => s !== "resolved").map((s) => ({
    value: s,
    label: t(`statusLabel.${s}`),
  }));
  return [
    {
      header: t("columns.case"),
      className: "table-view:min-w-56",
      cell: (c) => (
        <>
          <Link href={`/cases/${c.id}`} className="font-medium text-brand-700 hover:underline">
            {c.title}
          </Link>{" "}
          <PriorityBadge priority={c.priority} />
          {c.response?.comment ? (
            <p className="mt-1 line-clamp-2 text-xs font-normal text-slate-600">“{c.response.comment}”</p>
          ) : null}
        </>
      ),
    },
    {
      header: t("columns.customer"),
      cell: (c) =>
        c.customer ? (
          <Link href={`/customers/${c.customer.id}`} className="font-medium text-brand-700 hover:underline">
            {c.customer.name ?? t("unnamed")}
          </Link>
        ) : (
          <span className="text-slate-600">—</span>
        ),
    },
    {
      header: t("columns.owner"),
      cell: (c) => c.owner?.name ?? <span className="text-slate-600">{t("unassigned")}</span>,
    },
    {
      header: t("columns.status"),
      cell: (c) =>
        workable(c) ? (
          <>
            <ActionForm
              key={c.status}
              action={updateCaseStatusAction.bind(null, c.id)}
              submitLabel={t("save")}
              pendingLabel={t("saving")}
              aria-label={t("statusOf", { title: c.title })}
            >
              <Select
                id={`status-${c.id}`}
                name="status"
                label={t("statusOfQuoted", { title: c.title })}
                hideLabel
                defaultValue={c.status}
                options={statusOptions}
                className="w-fit min-w-36"
              />
            </ActionForm>
            <WorkCaseLink id={c.id} title={c.title} t={t} className="mt-1" />
          </>
        ) : (
          <CaseStatusBadge status={c.status} />
        ),
      card: (c) => (
        <span className="flex flex-wrap items-center gap-x-3">
          <CaseStatusBadge status={c.status} />
          {workable(c) ? <WorkCaseLink id={c.id} title={c.title} t={t} /> : null}
        </span>
      ),
    },
    {
      header: t("columns.due"),
      className: "table-view:whitespace-nowrap",
      cell: (c) => (
        <>
          <span className="mr-2 table-view:mr-0 table-view:block">{f.date(c.dueAt)}</span>
          {isOverdue(c, now) ? <Badge tone="danger">{t("overdue")}</Badge> : null}
        </>
      ),
    },
    {
      header: t("columns.opened"),
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (c) => f.date(c.createdAt),
    },
  ];
}

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit");
  const sp = await searchParams;
  const parsed = caseListQuery.safeParse({
    status: one(sp.status),
    mine: one(sp.mine),
    cursor: one(sp.cursor),
    limit: PAGE_SIZE,
  });
  const query = parsed.success ? parsed.data : caseListQuery.parse({ limit: PAGE_SIZE });
  const [page, loop] = await Promise.all([listCases(ctx, query), getLoopClosure(ctx, lastDays(90))]);
  const canWork = hasRole(ctx.role, "agent");
  const now = new Date();
  const [t, f] = await Promise.all([getTranslations("cases"), getFormats()]);

  return (
    <>
      <PageHeader title={t("title")} description={canWork ? t("descriptionWork") : t("description")} />
      <p
        data-testid="loop-closure"
        className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm"
      >
        <span className="font-semibold text-slate-900">{t("loop.label")}</span>
        {loop.rate === null ? (
          t("loop.none")
        ) : (
          <>
            <span className={loop.enough ? "" : "text-slate-500"}>
              {t("loop.rate", { rate: f.number(loop.rate, 0) })}
              {loop.enough ? t("loop.interval", { low: f.number(loop.low!, 0), high: f.number(loop.high!, 0) }) : ""}
            </span>{" "}
            {t("loop.counts", { n: f.nEquals(loop.n), actedOn: f.count(loop.actedOn) })}
            {loop.enough ? "" : t("loop.tooFew")}
            <span className="mt-1 block text-xs text-slate-600">{t("loop.explain")}</span>
          </>
        )}
      </p>
      <CaseFilters status={query.status} mine={query.mine} />
      {page.data.length === 0 ? (
        <EmptyState title={query.status || query.mine ? t("noMatch") : t("empty")} icon={<LifeBuoy size={28} />}>
          {t("emptyBody")} {query.mine ? t("noneMine") : null}
        </EmptyState>
      ) : (
        <DataTable
          label={t("title")}
          rows={page.data}
          rowKey={(c) => c.id}
          rowClassName={(c) => (isOverdue(c, now) ? "bg-red-50/70" : "table-view:hover:bg-slate-50")}
          tableFrom="4xl"
          columns={caseColumns(canWork, now, t, f)}
        />
      )}
      <Pagination
        path="/cases"
        params={{ status: query.status, mine: query.mine ? "true" : undefined }}
        nextCursor={page.nextCursor}
        isFirstPage={!query.cursor}
      />
    </>
  );
}
