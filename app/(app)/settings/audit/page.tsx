// /settings/audit — the audit log for admins: who did what to which record, when; filters in the URL
// (shareable), keyset pages, a readable view of each change, and the filtered set as CSV.
import Link from "next/link";
import { Download, ScrollText } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { AUDIT_FILTER_KEYS, parseAuditParams } from "@/lib/audit/schema";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit/query";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters, AuditEntry } from "@/components/settings/audit-log";
import { BackLink } from "@/components/ui/back-link";
import { getIssueWording } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings.audit");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("admin");
  const sp = await searchParams;
  const raw = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, one(sp[k])]));
  const { filters, errors } = parseAuditParams(raw, await getIssueWording());
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
  const t = await getTranslations("settings");

  return (
    <>
      <BackLink href="/settings">{t("title")}</BackLink>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <a
            href={`/api/v1/exports/audit-events${query ? `?${query}` : ""}`}
            download
            className={buttonClass("secondary", "md")}
          >
            <Download aria-hidden="true" size={16} /> {t("audit.csv")}
          </a>
        }
      />
      <AuditFilters values={raw} errors={errors} options={options} />
      {page.data.length === 0 ? (
        <EmptyState
          title={Object.keys(kept).length ? t("audit.noMatch") : t("audit.nothing")}
          icon={<ScrollText size={28} />}
        >
          {Object.keys(kept).length ? (
            <p>
              {t("audit.widen")}{" "}
              <Link href="/settings/audit" className="font-medium text-brand-700 underline">
                {t("audit.showAll")}
              </Link>
            </p>
          ) : (
            <p>{t("audit.empty")}</p>
          )}
        </EmptyState>
      ) : (
        <ol aria-label={t("audit.entries")} className="flex flex-col gap-3">
          {page.data.map((e) => (
            <AuditEntry key={e.id} entry={e} />
          ))}
        </ol>
      )}
      <Pagination path="/settings/audit" params={kept} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
