import Link from "next/link";
import { LifeBuoy } from "lucide-react";
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
import { formatDate } from "@/components/ui/format";
import { CASE_STATUS_LABELS, CaseStatusBadge, PriorityBadge } from "@/components/cases/case-labels";
import { CaseFilters } from "@/components/cases/case-filters";
import { nEquals } from "@/lib/metrics";

export const dynamic = "force-dynamic";
export const metadata = { title: "Cases" };

const PAGE_SIZE = 30;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
// Resolving needs a resolution note: that happens on the case page, not in the list.
const STATUS_OPTIONS = CASE_STATUSES.filter((s) => s !== "resolved").map((s) => ({
  value: s,
  label: CASE_STATUS_LABELS[s].label,
}));

function WorkCaseLink({ id, title, className = "" }: { id: string; title: string; className?: string }) {
  return (
    <Link
      href={`/cases/${id}`}
      aria-label={`Work case “${title}”: resolve it there with a note`}
      className={`inline-flex min-h-9 items-center text-sm font-medium text-brand-700 underline underline-offset-2 ${className}`}
    >
      Work case
    </Link>
  );
}

type Row = Awaited<ReturnType<typeof listCases>>["data"][number];
const isOverdue = (c: Row, now: Date) => c.status !== "resolved" && c.dueAt !== null && c.dueAt < now;

// On a phone each case is a card with every column; the status select is for wide screens, a card shows the
// status and "Work case" (resolving needs a note, so it happens on the case page either way).
function caseColumns(canWork: boolean, now: Date): Column<Row>[] {
  const workable = (c: Row) => canWork && c.status !== "resolved";
  return [
    {
      header: "Case",
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
      header: "Customer",
      cell: (c) =>
        c.customer ? (
          <Link href={`/customers/${c.customer.id}`} className="font-medium text-brand-700 hover:underline">
            {c.customer.name ?? "Unnamed customer"}
          </Link>
        ) : (
          <span className="text-slate-600">—</span>
        ),
    },
    { header: "Owner", cell: (c) => c.owner?.name ?? <span className="text-slate-600">Unassigned</span> },
    {
      header: "Status",
      cell: (c) =>
        workable(c) ? (
          <>
            <ActionForm
              key={c.status}
              action={updateCaseStatusAction.bind(null, c.id)}
              submitLabel="Save"
              pendingLabel="Saving…"
              inline
              aria-label={`Status of ${c.title}`}
            >
              <Select
                id={`status-${c.id}`}
                name="status"
                label={`Status of “${c.title}”`}
                hideLabel
                defaultValue={c.status}
                options={STATUS_OPTIONS}
                className="w-36"
              />
            </ActionForm>
            <WorkCaseLink id={c.id} title={c.title} className="mt-1" />
          </>
        ) : (
          <CaseStatusBadge status={c.status} />
        ),
      card: (c) => (
        <span className="flex flex-wrap items-center gap-x-3">
          <CaseStatusBadge status={c.status} />
          {workable(c) ? <WorkCaseLink id={c.id} title={c.title} /> : null}
        </span>
      ),
    },
    {
      header: "Due",
      className: "table-view:whitespace-nowrap",
      cell: (c) => (
        <>
          <span className="mr-2 table-view:mr-0 table-view:block">{formatDate(c.dueAt)}</span>
          {isOverdue(c, now) ? <Badge tone="danger">Overdue</Badge> : null}
        </>
      ),
    },
    {
      header: "Opened",
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (c) => formatDate(c.createdAt),
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

  return (
    <>
      <PageHeader
        title="Cases"
        description={`Follow-up with customers who had a poor experience, until the loop is closed.${canWork ? " Resolve a case on its page (“Work case”): it needs a resolution note." : ""}`}
      />
      <p
        data-testid="loop-closure"
        className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm"
      >
        <span className="font-semibold text-slate-900">Loop closure, last 90 days: </span>
        {loop.rate === null ? (
          "no detractor responses yet."
        ) : (
          <>
            <span className={loop.enough ? "" : "text-slate-500"}>
              {loop.rate.toFixed(0)} % of detractor responses acted on within 48 h
              {loop.enough ? ` [${loop.low!.toFixed(0)}–${loop.high!.toFixed(0)}]` : ""}
            </span>{" "}
            ({nEquals(loop.n)}, {loop.actedOn} acted on){loop.enough ? "" : " · too few responses for a firm figure"}
            <span className="mt-1 block text-xs text-slate-600">
              A detractor (NPS 0–6) counts as acted on when, within 48 hours of the response, its case was worked or
              resolved, or an interaction with the customer was logged.
            </span>
          </>
        )}
      </p>
      <CaseFilters status={query.status} mine={query.mine} />
      {page.data.length === 0 ? (
        <EmptyState
          title={query.status || query.mine ? "No cases match these filters" : "No cases yet"}
          icon={<LifeBuoy size={28} />}
        >
          Cases are opened for follow-up, for example after a detractor response.{" "}
          {query.mine ? "None are assigned to you." : null}
        </EmptyState>
      ) : (
        <DataTable
          label="Cases"
          rows={page.data}
          rowKey={(c) => c.id}
          rowClassName={(c) => (isOverdue(c, now) ? "bg-red-50/70" : "table-view:hover:bg-slate-50")}
          tableFrom="4xl"
          columns={caseColumns(canWork, now)}
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
