// /settings/audit — the audit log for admins: who did what to which record, when; filters in the URL
// (shareable), keyset pages, a readable view of each change, and the filtered set as CSV.
import Link from "next/link";
import { Download, ScrollText } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { AUDIT_FILTER_KEYS, parseAuditParams } from "@/lib/audit/schema";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit/query";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters, AuditEntry } from "@/components/settings/audit-log";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("admin");
  const sp = await searchParams;
  const raw = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, one(sp[k])]));
  const { filters, errors } = parseAuditParams(raw);
  const cursor = one(sp.cursor);
  const [page, options] = await Promise.all([
    listAuditEvents(ctx, {
      ...filters,
      limit: PAGE_SIZE,
      cursor: cursor && /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? cursor : undefined,
    }),
    auditFilterOptions(ctx),
  ]);
  const kept = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && !errors[k])) as Record<string, string>;
  const query = new URLSearchParams(kept).toString();

  return (
    <>
      <BackLink href="/settings">Settings</BackLink>
      <PageHeader
        title="Audit log"
        description="Who changed what, and when: journeys, surveys, members, API keys, cases, exports, erasures and settings. Entries can never be edited or deleted."
        actions={
          <a
            href={`/api/v1/exports/audit-events${query ? `?${query}` : ""}`}
            download
            className={buttonClass("secondary", "md")}
          >
            <Download aria-hidden="true" size={16} /> Download CSV
          </a>
        }
      />
      <AuditFilters values={raw} errors={errors} options={options} />
      {page.data.length === 0 ? (
        <EmptyState
          title={Object.keys(kept).length ? "No entries match these filters" : "Nothing recorded yet"}
          icon={<ScrollText size={28} />}
        >
          {Object.keys(kept).length ? (
            <p>
              Widen the dates or clear a filter.{" "}
              <Link href="/settings/audit" className="font-medium text-brand-700 underline">
                Show everything
              </Link>
            </p>
          ) : (
            <p>Changes people make (and what the scheduler does) appear here as they happen.</p>
          )}
        </EmptyState>
      ) : (
        <ol aria-label="Audit entries" className="flex flex-col gap-3">
          {page.data.map((e) => (
            <AuditEntry key={e.id} entry={e} />
          ))}
        </ol>
      )}
      <Pagination path="/settings/audit" params={kept} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
