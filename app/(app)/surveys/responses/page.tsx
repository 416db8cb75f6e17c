import Link from "next/link";
import { Download, Inbox } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { COUNT_CAP } from "@/lib/http/pagination";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
import { requireCtx } from "@/lib/auth/action";
import type { Ctx } from "@/lib/auth/ctx";
import { getFilterOptions } from "@/lib/analytics/service";
import { parseInboxParams, RESPONSE_FILTER_KEYS } from "@/lib/responses/schema";
import { countResponses, listResponses } from "@/lib/responses/service";
import { listSurveys } from "@/lib/surveys/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { hrefWith } from "@/components/ui/pagination";
import { InboxFilters, INBOX_PATH } from "@/components/responses/inbox-filters";
import { ResponseCard } from "@/components/responses/response-card";
import { LoadMore } from "@/components/responses/load-more";
import { themeOptions } from "@/lib/text-analytics/insight";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("inbox.title") };
}

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

async function NoResponsesYet({ ctx }: { ctx: Ctx }) {
  const live = (await listSurveys(ctx)).filter((s) => s.status === "live").slice(0, 3);
  const t = await getTranslations("surveys.inbox");
  return (
    <EmptyState title={t("emptyTitle")} icon={<Inbox size={28} />}>
      <p>{t("emptyText")}</p>
      {live.length ? (
        <ul className="mt-3 flex flex-col gap-1">
          {live.map((s) => (
            <li key={s.id}>
              {s.name}:{" "}
              <Link href={`/s/${s.publicId}`} className="font-mono text-brand-700 underline break-all">
                /s/{s.publicId}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">
          {t.rich("noLiveSurvey", {
            link: (c) => (
              <Link href="/surveys" className="font-medium text-brand-700 underline">
                {c}
              </Link>
            ),
          })}
        </p>
      )}
    </EmptyState>
  );
}

export default async function ResponsesInboxPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit");
  const sp = await searchParams;
  const raw = Object.fromEntries(RESPONSE_FILTER_KEYS.map((k) => [k, one(sp[k])]));
  const { filters, errors } = parseInboxParams(raw, await getIssueWording());
  const cursor = one(sp.cursor);
  const [page, options, matches, themes, t, f] = await Promise.all([
    listResponses(ctx, { ...filters, limit: PAGE_SIZE, cursor }),
    getFilterOptions(ctx),
    countResponses(ctx, filters),
    themeOptions(ctx.orgId),
    getTranslations("surveys.inbox"),
    getFormats(),
  ]);
  // Links keep the filters that were accepted (a bad one is shown next to its field, not carried along).
  const kept = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && !errors[k])) as Record<string, string>;
  const query = new URLSearchParams(kept).toString();
  const filtered = Object.keys(kept).length > 0;
  const customerName = filters.customerId ? (page.data[0]?.customer?.name ?? page.data[0]?.customer?.email) : null;

  return (
    <ClientMessages
      keys={[
        "surveys.inbox",
        "surveys.category",
        "cases.statusLabel",
        "cases.priority",
        "reports.textAnalytics.insight",
      ]}
    >
      <>
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={
            <a
              href={`/api/v1/exports/responses${query ? `?${query}` : ""}`}
              download
              className={buttonClass("secondary", "md")}
            >
              <Download aria-hidden="true" size={16} /> {t("download")}
            </a>
          }
        />
        <InboxFilters raw={raw} errors={errors} options={options} themes={themes} customerName={customerName} />
        {matches.count > 0 ? (
          <p className="mb-3 text-sm text-slate-700" data-testid="match-count">
            {t("matches", {
              capped: matches.capped ? "yes" : "no",
              count: f.count(matches.capped ? COUNT_CAP : matches.count),
              n: matches.capped ? COUNT_CAP : matches.count,
              filtered: filtered ? "yes" : "no",
            })}
          </p>
        ) : null}
        {page.data.length === 0 ? (
          cursor ? (
            <EmptyState
              title={t("noMoreTitle")}
              icon={<Inbox size={28} />}
              action={
                <Link href={hrefWith(INBOX_PATH, kept)} className={buttonClass("secondary", "sm")}>
                  {t("backToNewest")}
                </Link>
              }
            />
          ) : filtered ? (
            <EmptyState
              title={t("noMatchTitle")}
              icon={<Inbox size={28} />}
              action={
                <Link href={INBOX_PATH} className={buttonClass("secondary", "sm")}>
                  {t("clearFilters")}
                </Link>
              }
            >
              {t("noMatchText")}
            </EmptyState>
          ) : (
            <NoResponsesYet ctx={ctx} />
          )
        ) : (
          <>
            {cursor ? (
              <p className="mb-3 text-sm">
                <Link href={hrefWith(INBOX_PATH, kept)} className="font-medium text-brand-700 underline">
                  {t("backToNewestResponses")}
                </Link>
              </p>
            ) : null}
            <ul className="flex flex-col gap-3" aria-label={t("listLabel")}>
              {page.data.map((r) => (
                <li key={r.id}>
                  <ResponseCard r={r} />
                </li>
              ))}
            </ul>
            <LoadMore
              key={`${query}|${cursor ?? ""}`}
              query={query}
              nextCursor={page.nextCursor}
              pageSize={PAGE_SIZE}
              nextHref={page.nextCursor ? hrefWith(INBOX_PATH, { ...kept, cursor: page.nextCursor }) : null}
            />
          </>
        )}
      </>
    </ClientMessages>
  );
}
