import Link from "next/link";
import { MessagesSquare } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { getFilterOptions } from "@/lib/analytics/service";
import { countInteractions, listInteractions } from "@/lib/interactions/service";
import { INTERACTION_FILTER_KEYS, parseInteractionParams } from "@/lib/interactions/schema";
import { PageHeader } from "@/components/ui/page-header";
import { CsvLinks } from "@/components/import/csv-links";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getFormats, getIssueWording } from "@/lib/i18n/server";
import { COUNT_CAP } from "@/lib/http/pagination";
import { EmotionLabel, OutcomeBadge } from "@/components/interactions/labels";
import { InteractionFilters, INTERACTIONS_PATH } from "@/components/interactions/interaction-filters";
import { buttonClass } from "@/components/ui/button";
import { HighlightedText, InsightBadges } from "@/components/text-analytics/text-insight";
import { themeOptions } from "@/lib/text-analytics/insight";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("interactions");
  return { title: t("title") };
}

const PAGE_SIZE = 30;
type Row = Awaited<ReturnType<typeof listInteractions>>["data"][number];
const none = (text = "—") => <span className="text-slate-500">{text}</span>;

async function columns(): Promise<Column<Row>[]> {
  const [t, f] = await Promise.all([getTranslations("interactions"), getFormats()]);
  return [
    {
      header: t("columns.time"),
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (i) => <time dateTime={i.occurredAt.toISOString()}>{f.dateTime(i.occurredAt)}</time>,
    },
    {
      header: t("columns.customer"),
      className: "font-medium table-view:whitespace-nowrap",
      cell: (i) => (
        <Link href={`/customers/${i.customer.id}`} className="text-brand-700 hover:underline">
          {i.customer.name ?? i.customer.externalId ?? t("unnamed")}
        </Link>
      ),
    },
    { header: t("columns.touchpoint"), className: "table-view:min-w-40", cell: (i) => i.touchpoint?.name ?? none() },
    { header: t("columns.channel"), className: "table-view:whitespace-nowrap", cell: (i) => i.channel?.name ?? none() },
    {
      header: t("columns.staff"),
      className: "table-view:whitespace-nowrap",
      cell: (i) => i.staff?.name ?? none(i.source === "api" ? t("api") : "—"),
    },
    { header: t("columns.outcome"), cell: (i) => <OutcomeBadge outcome={i.outcome} /> },
    { header: t("columns.emotion"), cell: (i) => <EmotionLabel emotion={i.emotion} /> },
    {
      header: t("columns.note"),
      className: "text-slate-700 table-view:min-w-64",
      cell: (i) =>
        i.note ? (
          <>
            <span data-testid="note">
              <HighlightedText text={i.note} themes={i.themes} />
            </span>
            <span className="mt-1 block">
              <InsightBadges insight={i} />
            </span>
          </>
        ) : (
          none()
        ),
    },
  ];
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export default async function InteractionsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit");
  const sp = await searchParams;
  const [t, f, cols] = await Promise.all([getTranslations("interactions"), getFormats(), columns()]);
  const raw: Record<string, string | undefined> = Object.fromEntries(
    [...INTERACTION_FILTER_KEYS, "by"].map((k) => [k, one(sp[k])]),
  );
  // staffId and source come only through "by" on this page (the API takes them as they are)
  delete raw.staffId;
  delete raw.source;
  const { filters, errors } = parseInteractionParams(
    {
      ...raw,
      staffId: raw.by === "me" ? ctx.userId : undefined,
      source: raw.by === "api" ? "api" : undefined,
    },
    await getIssueWording(),
  );
  // The page's own filter: who logged it ("me" or "api"), mapped onto the list's staffId / source.
  if (raw.by && raw.by !== "me" && raw.by !== "api") errors.by = t("filters.byInvalid");
  const cursor = one(sp.cursor)?.slice(0, 64);
  const [page, options, matches, themes] = await Promise.all([
    listInteractions(ctx, { ...filters, limit: PAGE_SIZE, cursor }),
    getFilterOptions(ctx),
    countInteractions(ctx, filters),
    themeOptions(ctx.orgId),
  ]);
  // Links keep the filters that were accepted (a bad one is shown next to its field, not carried along).
  const kept = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && !errors[k])) as Record<string, string>;
  const filtered = Object.keys(kept).length > 0;
  const exportQuery = new URLSearchParams(
    Object.entries({ ...kept, by: undefined, staffId: filters.staffId, source: filters.source }).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  ).toString();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <CsvLinks
              role={ctx.role}
              importHref="/customers/import?kind=interactions"
              exportHref={`/api/v1/exports/interactions${exportQuery ? `?${exportQuery}` : ""}`}
            />
            {hasRole(ctx.role, "agent") ? (
              <Link
                href="/interactions/new"
                className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("log")}
              </Link>
            ) : null}
          </>
        }
      />
      <InteractionFilters raw={raw} errors={errors} options={options} themes={themes} />
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
        filtered || cursor ? (
          <EmptyState
            title={cursor ? t("noMore") : t("noMatch")}
            icon={<MessagesSquare size={28} />}
            action={
              <Link href={INTERACTIONS_PATH} className={buttonClass("secondary", "sm")}>
                {cursor ? t("backToNewest") : t("clearFilters")}
              </Link>
            }
          >
            {cursor ? null : t("widen")}
          </EmptyState>
        ) : (
          <EmptyState title={t("emptyTitle")} icon={<MessagesSquare size={28} />}>
            {t("emptyBody")}
          </EmptyState>
        )
      ) : (
        <DataTable
          label={t("title")}
          rows={page.data}
          rowKey={(i) => i.id}
          rowClassName={() => "table-view:hover:bg-slate-50"}
          tableFrom="4xl"
          columns={cols}
        />
      )}
      <Pagination path={INTERACTIONS_PATH} params={kept} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
