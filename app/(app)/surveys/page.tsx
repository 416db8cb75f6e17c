import Link from "next/link";
import { ClipboardList, Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { ButtonLink } from "@/components/ui/button";
import { listSurveys } from "@/lib/surveys/service";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { getFormats } from "@/lib/i18n/server";
import type { Formats } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("list.title") };
}

type SurveysT = Awaited<ReturnType<typeof getTranslations<"surveys">>>;
const STATUS_TONES: Record<string, BadgeTone> = { draft: "neutral", live: "ok", closed: "warn" };
const TYPES = ["nps", "csat", "ces", "servqual", "custom"] as const;
const isType = (v: string): v is (typeof TYPES)[number] => (TYPES as readonly string[]).includes(v);

type Row = Awaited<ReturnType<typeof listSurveys>>[number];

function surveyColumns(canEdit: boolean, t: SurveysT, f: Formats): Column<Row>[] {
  return [
    {
      header: t("list.columns.name"),
      className: "table-view:min-w-40 table-view:font-medium",
      cell: (s) =>
        canEdit ? (
          <Link href={`/surveys/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">
            {s.name}
          </Link>
        ) : (
          s.name
        ),
    },
    { header: t("list.columns.type"), cell: (s) => (isType(s.type) ? t(`type.${s.type}`) : s.type) },
    {
      header: t("list.columns.status"),
      cell: (s) => {
        const tone = STATUS_TONES[s.status];
        return tone ? (
          <Badge tone={tone}>{t(`status.${s.status as "draft" | "live" | "closed"}`)}</Badge>
        ) : (
          <Badge tone="neutral">{s.status}</Badge>
        );
      },
    },
    {
      header: t("list.columns.touchpoint"),
      className: "table-view:min-w-40",
      cell: (s) => s.touchpoint?.name ?? <span className="text-slate-500">—</span>,
    },
    {
      header: t("list.columns.responses"),
      align: "right",
      className: "tabular-nums",
      cell: (s) => (
        <>
          <Link
            href={`/surveys/responses?surveyId=${s.id}`}
            className="text-brand-700 underline underline-offset-2"
            aria-label={t("list.openResponses", {
              count: f.count(s.responseCount),
              n: s.responseCount,
              name: s.name,
            })}
          >
            {f.count(s.responseCount)}
          </Link>
          {canEdit ? (
            // History from another tool or an export, into this survey (managers: imports are bulk changes).
            <Link
              href={`/customers/import?kind=responses&surveyId=${s.id}`}
              className="ml-3 text-xs text-brand-700 underline underline-offset-2 table-view:mt-1 table-view:ml-0 table-view:block"
              aria-label={t("list.importInto", { name: s.name })}
            >
              {t("list.import")}
            </Link>
          ) : null}
        </>
      ),
    },
    {
      header: t("list.columns.publicId"),
      className: "font-mono text-xs table-view:whitespace-nowrap",
      cell: (s) => s.publicId,
    },
    {
      header: t("list.columns.created"),
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (s) => f.date(s.createdAt),
    },
  ];
}

export default async function SurveysPage() {
  // Every member reads the survey list (a unit-scoped one with their units' response counts); editing, campaigns,
  // triggers and imports are for the whole organization (docs/hierarchy.md).
  const ctx = await requireCtx("viewer", "unit");
  const [surveys, t, f] = await Promise.all([listSurveys(ctx), getTranslations("surveys"), getFormats()]);
  const canEdit = hasRole(ctx.role, "manager") && !ctx.scope;
  const newButton = canEdit ? (
    <ButtonLink href="/surveys/new" variant="primary">
      <Plus aria-hidden="true" size={16} /> {t("list.new")}
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <>
            <ButtonLink href="/surveys/responses">{t("list.responses")}</ButtonLink>
            {canEdit ? <ButtonLink href="/surveys/campaigns">{t("list.campaigns")}</ButtonLink> : null}
            {canEdit ? <ButtonLink href="/surveys/triggers">{t("list.triggers")}</ButtonLink> : null}
            {canEdit ? (
              <ButtonLink href="/customers/import?kind=responses">{t("list.importResponses")}</ButtonLink>
            ) : null}
            {newButton}
          </>
        }
      />
      {surveys.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")} icon={<ClipboardList size={28} />} action={newButton}>
          {canEdit ? t("list.emptyManager") : t("list.emptyViewer")}
        </EmptyState>
      ) : (
        <DataTable label={t("list.title")} rows={surveys} rowKey={(s) => s.id} columns={surveyColumns(canEdit, t, f)} />
      )}
    </>
  );
}
