import Link from "next/link";
import { ClipboardList, Plus } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { ButtonLink } from "@/components/ui/button";
import { listSurveys } from "@/lib/surveys/service";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatCount, formatDate } from "@/components/ui/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "Surveys" };

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  live: { label: "Live", tone: "ok" },
  closed: { label: "Closed", tone: "warn" },
};
const TYPES: Record<string, string> = { nps: "NPS", csat: "CSAT", ces: "CES", servqual: "SERVQUAL", custom: "Custom" };

type Row = Awaited<ReturnType<typeof listSurveys>>[number];

function surveyColumns(canEdit: boolean): Column<Row>[] {
  return [
    {
      header: "Name",
      className: "table-view:min-w-48 table-view:font-medium",
      cell: (s) =>
        canEdit ? (
          <Link href={`/surveys/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">
            {s.name}
          </Link>
        ) : (
          s.name
        ),
    },
    { header: "Type", cell: (s) => TYPES[s.type] ?? s.type },
    {
      header: "Status",
      cell: (s) => {
        const status = STATUS[s.status] ?? { label: s.status, tone: "neutral" as const };
        return <Badge tone={status.tone}>{status.label}</Badge>;
      },
    },
    {
      header: "Touchpoint",
      className: "table-view:min-w-40",
      cell: (s) => s.touchpoint?.name ?? <span className="text-slate-500">—</span>,
    },
    {
      header: "Responses",
      align: "right",
      className: "tabular-nums",
      cell: (s) => (
        <>
          <Link
            href={`/surveys/responses?surveyId=${s.id}`}
            className="text-brand-700 underline underline-offset-2"
            aria-label={`${formatCount(s.responseCount)} responses to ${s.name}: open them in the inbox`}
          >
            {formatCount(s.responseCount)}
          </Link>
          {canEdit ? (
            // History from another tool or an export, into this survey (managers: imports are bulk changes).
            <Link
              href={`/customers/import?kind=responses&surveyId=${s.id}`}
              className="ml-3 text-xs text-brand-700 underline underline-offset-2 table-view:mt-1 table-view:ml-0 table-view:block"
              aria-label={`Import responses into ${s.name}`}
            >
              Import
            </Link>
          ) : null}
        </>
      ),
    },
    { header: "Public id", className: "font-mono text-xs table-view:whitespace-nowrap", cell: (s) => s.publicId },
    {
      header: "Created",
      className: "text-slate-700 table-view:whitespace-nowrap",
      cell: (s) => formatDate(s.createdAt),
    },
  ];
}

export default async function SurveysPage() {
  // Every member reads the survey list (a unit-scoped one with their units' response counts); editing, campaigns,
  // triggers and imports are for the whole organization (docs/hierarchy.md).
  const ctx = await requireCtx("viewer", "unit");
  const surveys = await listSurveys(ctx);
  const canEdit = hasRole(ctx.role, "manager") && !ctx.scope;
  const newButton = canEdit ? (
    <ButtonLink href="/surveys/new" variant="primary">
      <Plus aria-hidden="true" size={16} /> New survey
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title="Surveys"
        description="Questionnaires customers answer through the widget, a hosted link or e-mail."
        actions={
          <>
            <ButtonLink href="/surveys/responses">Responses</ButtonLink>
            {canEdit ? <ButtonLink href="/surveys/campaigns">Campaigns</ButtonLink> : null}
            {canEdit ? <ButtonLink href="/surveys/triggers">Triggers</ButtonLink> : null}
            {canEdit ? <ButtonLink href="/customers/import?kind=responses">Import responses</ButtonLink> : null}
            {newButton}
          </>
        }
      />
      {surveys.length === 0 ? (
        <EmptyState title="No surveys yet" icon={<ClipboardList size={28} />} action={newButton}>
          {canEdit
            ? "Create one from a template (NPS, CSAT, CES, SERVQUAL) or start empty."
            : "Surveys appear here once a manager of the whole organization creates them."}
        </EmptyState>
      ) : (
        <DataTable label="Surveys" rows={surveys} rowKey={(s) => s.id} columns={surveyColumns(canEdit)} />
      )}
    </>
  );
}
