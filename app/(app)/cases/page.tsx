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
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ActionForm } from "@/components/ui/action-form";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { CASE_STATUS_LABELS, CaseStatusBadge, PriorityBadge } from "@/components/cases/case-labels";
import { CaseFilters } from "@/components/cases/case-filters";

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

// On a phone only the first column shows: it carries the customer, due date (overdue), status and the
// "Work case" link; the other columns appear on wide screens (lg: the sidebar takes room from md on).
const WIDE = "hidden lg:table-cell";

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

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx();
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
            (n = {loop.n}, {loop.actedOn} acted on){loop.enough ? "" : " · too few responses for a firm figure"}
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
        <Table label="Cases">
          <THead>
            <tr>
              <Th>Case</Th>
              <Th className={WIDE}>Customer</Th>
              <Th className={WIDE}>Owner</Th>
              <Th className={WIDE}>Status</Th>
              <Th className={WIDE}>Due</Th>
              <Th className={WIDE}>Opened</Th>
            </tr>
          </THead>
          <TBody>
            {page.data.map((c) => {
              const overdue = c.status !== "resolved" && c.dueAt !== null && c.dueAt < now;
              return (
                <tr key={c.id} className={overdue ? "bg-red-50/70" : "hover:bg-slate-50"}>
                  <Td className="lg:min-w-56">
                    <Link href={`/cases/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.title}
                    </Link>{" "}
                    <PriorityBadge priority={c.priority} />
                    {c.response?.comment ? (
                      <p className="mt-1 line-clamp-2 text-xs text-slate-600">“{c.response.comment}”</p>
                    ) : null}
                    <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 lg:hidden">
                      <CaseStatusBadge status={c.status} />
                      {overdue ? <Badge tone="danger">Overdue</Badge> : null}
                      <span>Due {formatDate(c.dueAt)}</span>
                      {c.customer ? <span>· {c.customer.name ?? "Unnamed customer"}</span> : null}
                    </div>
                    {canWork && c.status !== "resolved" ? (
                      <WorkCaseLink id={c.id} title={c.title} className="lg:hidden" />
                    ) : null}
                  </Td>
                  <Td className={WIDE}>
                    {c.customer ? (
                      <Link href={`/customers/${c.customer.id}`} className="font-medium text-brand-700 hover:underline">
                        {c.customer.name ?? "Unnamed customer"}
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </Td>
                  <Td className={WIDE}>{c.owner?.name ?? <span className="text-slate-500">Unassigned</span>}</Td>
                  <Td className={WIDE}>
                    {canWork && c.status !== "resolved" ? (
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
                    )}
                  </Td>
                  <Td className={`${WIDE} whitespace-nowrap`}>
                    <span className="block">{formatDate(c.dueAt)}</span>
                    {overdue ? <Badge tone="danger">Overdue</Badge> : null}
                  </Td>
                  <Td className={`${WIDE} whitespace-nowrap text-slate-700`}>{formatDate(c.createdAt)}</Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
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
