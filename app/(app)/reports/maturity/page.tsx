import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { getFormats } from "@/lib/i18n/server";
import { hasRole } from "@/lib/auth/roles";
import { MATURITY_LEVELS, type MaturityLevel } from "@/lib/maturity/model";
import { computeEvidence, listAssessments } from "@/lib/maturity/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EvidenceTable } from "@/components/maturity/evidence";
import { HistoryTable } from "@/components/maturity/history";
import { ScoreChart } from "@/components/maturity/score-chart";
import { Questionnaire } from "@/components/maturity/questionnaire";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.maturity");
  return { title: t("title") };
}

export default async function MaturityPage() {
  const ctx = await requireCtx();
  const [t, f] = await Promise.all([getTranslations("reports.maturity"), getFormats()]);
  const levelName = (level: string) =>
    (MATURITY_LEVELS as readonly string[]).includes(level) ? t(`levels.${level as MaturityLevel}`) : level;
  const [history, evidence] = await Promise.all([listAssessments(ctx), computeEvidence(ctx)]);
  const latest = history[0] ?? null;
  const canEdit = hasRole(ctx.role, "manager");

  return (
    <ClientMessages keys={["reports.maturity"]}>
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <section aria-labelledby="latest-heading" className="mb-6">
          <h2 id="latest-heading" className="sr-only">
            {t("latestHeading")}
          </h2>
          {latest ? (
            <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="maturity-latest">
              <p className="text-sm text-slate-600">{t("latest", { date: f.dateTime(latest.createdAt) })}</p>
              <p className="mt-1 text-2xl font-semibold text-slate-900">
                {levelName(latest.level)}{" "}
                <span className="text-base font-normal text-slate-600">
                  {t("score", { score: f.number(latest.score, 2) })}
                </span>
              </p>
              {latest.disagreements.length ? (
                <p className="mt-2 text-sm text-red-700">
                  {t("disagreements", { count: latest.disagreements.length })}
                </p>
              ) : null}
            </div>
          ) : (
            <EmptyState title={t("emptyTitle")}>{canEdit ? t("emptyManager") : t("emptyViewer")}</EmptyState>
          )}
        </section>
        <section aria-labelledby="evidence-heading" className="mb-6">
          <h2 id="evidence-heading" className="mb-2 font-semibold text-slate-900">
            {t("evidence")}
          </h2>
          <p className="mb-2 text-sm text-slate-700">{t("evidenceIntro")}</p>
          <EvidenceTable
            figures={evidence.figures}
            answers={latest?.answers ?? null}
            liveSurveys={evidence.liveSurveys}
          />
        </section>
        <section aria-labelledby="questionnaire-heading" className="mb-6">
          <h2 id="questionnaire-heading" className="mb-2 font-semibold text-slate-900">
            {t("questionnaire")}
          </h2>
          <Questionnaire initial={latest?.answers ?? null} canEdit={canEdit} />
        </section>
        {history.length ? (
          <section aria-labelledby="history-heading" className="mb-6">
            <h2 id="history-heading" className="mb-2 font-semibold text-slate-900">
              {t("history")}
            </h2>
            {history.length >= 2 ? (
              <div className="mb-3">
                <ScoreChart
                  points={[...history].reverse().map((h) => ({ id: h.id, date: f.date(h.createdAt), score: h.score }))}
                />
                <p className="mt-1 text-xs text-slate-600">{t("chartNote")}</p>
              </div>
            ) : null}
            <HistoryTable
              rows={history.map((h) => ({
                id: h.id,
                createdAt: h.createdAt,
                score: h.score,
                level: h.level,
                by: h.createdBy?.name ?? null,
              }))}
            />
          </section>
        ) : null}
      </>
    </ClientMessages>
  );
}
