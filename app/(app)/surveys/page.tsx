import Link from "next/link";
import { ClipboardList, Plus } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { ButtonLink } from "@/components/ui/button";
import { listSurveys } from "@/lib/surveys/service";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
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

export default async function SurveysPage() {
  const ctx = await requireCtx();
  const surveys = await listSurveys(ctx);
  const canEdit = hasRole(ctx.role, "manager");
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
            {canEdit ? <ButtonLink href="/customers/import?kind=responses">Import responses</ButtonLink> : null}
            {newButton}
          </>
        }
      />
      {surveys.length === 0 ? (
        <EmptyState title="No surveys yet" icon={<ClipboardList size={28} />} action={newButton}>
          {canEdit
            ? "Create one from a template (NPS, CSAT, CES, SERVQUAL) or start empty."
            : "Surveys appear here once a manager creates them."}
        </EmptyState>
      ) : (
        <Table label="Surveys">
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Type</Th>
              <Th>Status</Th>
              <Th>Touchpoint</Th>
              <Th className="text-right">Responses</Th>
              <Th>Public id</Th>
              <Th>Created</Th>
            </tr>
          </THead>
          <TBody>
            {surveys.map((s) => {
              const status = STATUS[s.status] ?? { label: s.status, tone: "neutral" as const };
              return (
                <tr key={s.id} className="hover:bg-slate-50">
                  <Td className="min-w-48 font-medium text-slate-900">
                    {canEdit ? (
                      <Link href={`/surveys/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {s.name}
                      </Link>
                    ) : (
                      s.name
                    )}
                  </Td>
                  <Td>{TYPES[s.type] ?? s.type}</Td>
                  <Td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </Td>
                  <Td className="min-w-40">{s.touchpoint?.name ?? <span className="text-slate-500">—</span>}</Td>
                  <Td className="text-right tabular-nums">
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
                        className="mt-1 block text-xs text-brand-700 underline underline-offset-2"
                        aria-label={`Import responses into ${s.name}`}
                      >
                        Import
                      </Link>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{s.publicId}</Td>
                  <Td className="whitespace-nowrap text-slate-700">{formatDate(s.createdAt)}</Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </>
  );
}
