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
const STATUS_OPTIONS = CASE_STATUSES.filter((s) => s !== "resolved").map((s) => ({ value: s, label: CASE_STATUS_LABELS[s].label }));

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx();
  const sp = await searchParams;
  const parsed = caseListQuery.safeParse({ status: one(sp.status), mine: one(sp.mine), cursor: one(sp.cursor), limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : caseListQuery.parse({ limit: PAGE_SIZE });
  const [page, loop] = await Promise.all([listCases(ctx, query), getLoopClosure(ctx, lastDays(90))]);
  const canWork = hasRole(ctx.role, "agent");
  const now = new Date();

  return (
    <>
      <PageHeader title="Cases" description="Follow-up with customers who had a poor experience, until the loop is closed." />
      <p data-testid="loop-closure" className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm">
        <span className="font-semibold text-slate-900">Loop closure, last 90 days: </span>
        {loop.rate === null ? (
          "no detractor cases yet."
        ) : (
          <>
            <span className={loop.enough ? "" : "text-slate-500"}>
              {loop.rate.toFixed(0)} % of detractors acted on within 48 h [{loop.low!.toFixed(0)}–{loop.high!.toFixed(0)}]
            </span>{" "}
            (n = {loop.n}){loop.enough ? "" : " · too few cases for a firm figure"}
          </>
        )}
      </p>
      <CaseFilters status={query.status} mine={query.mine} />
      {page.data.length === 0 ? (
        <EmptyState title={query.status || query.mine ? "No cases match these filters" : "No cases yet"} icon={<LifeBuoy size={28} />}>
          Cases are opened for follow-up, for example after a detractor response. {query.mine ? "None are assigned to you." : null}
        </EmptyState>
      ) : (
        <Table label="Cases">
          <THead>
            <tr>
              <Th>Case</Th>
              <Th>Customer</Th>
              <Th>Owner</Th>
              <Th>Status</Th>
              <Th>Due</Th>
              <Th>Opened</Th>
            </tr>
          </THead>
          <TBody>
            {page.data.map((c) => {
              const overdue = c.status !== "resolved" && c.dueAt !== null && c.dueAt < now;
              return (
                <tr key={c.id} className={overdue ? "bg-red-50/70" : "hover:bg-slate-50"}>
                  <Td className="min-w-56">
                    <Link href={`/cases/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.title}
                    </Link>{" "}
                    <PriorityBadge priority={c.priority} />
                    {c.response?.comment ? <p className="mt-1 line-clamp-2 text-xs text-slate-600">“{c.response.comment}”</p> : null}
                  </Td>
                  <Td>
                    {c.customer ? (
                      <Link href={`/customers/${c.customer.id}`} className="font-medium text-brand-700 hover:underline">
                        {c.customer.name ?? "Unnamed customer"}
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </Td>
                  <Td>{c.owner?.name ?? <span className="text-slate-500">Unassigned</span>}</Td>
                  <Td>
                    {canWork && c.status !== "resolved" ? (
                      <ActionForm key={c.status} action={updateCaseStatusAction.bind(null, c.id)} submitLabel="Save" pendingLabel="Saving…" inline aria-label={`Status of ${c.title}`}>
                        <Select id={`status-${c.id}`} name="status" label={`Status of “${c.title}”`} hideLabel defaultValue={c.status} options={STATUS_OPTIONS} className="w-36" />
                      </ActionForm>
                    ) : (
                      <CaseStatusBadge status={c.status} />
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <span className="block">{formatDate(c.dueAt)}</span>
                    {overdue ? <Badge tone="danger">Overdue</Badge> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-700">{formatDate(c.createdAt)}</Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <Pagination path="/cases" params={{ status: query.status, mine: query.mine ? "true" : undefined }} nextCursor={page.nextCursor} isFirstPage={!query.cursor} />
    </>
  );
}
