import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { LEVEL_NAMES, type MaturityLevel } from "@/lib/maturity/model";
import { computeEvidence, listAssessments } from "@/lib/maturity/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { EvidenceTable } from "@/components/maturity/evidence";
import { HistoryTable } from "@/components/maturity/history";
import { ScoreChart } from "@/components/maturity/score-chart";
import { Questionnaire } from "@/components/maturity/questionnaire";

export const dynamic = "force-dynamic";
export const metadata = { title: "CEM maturity" };

export default async function MaturityPage() {
  const ctx = await requireCtx();
  const [history, evidence] = await Promise.all([listAssessments(ctx), computeEvidence(ctx)]);
  const latest = history[0] ?? null;
  const canEdit = hasRole(ctx.role, "manager");

  return (
    <>
      <PageHeader
        title="CEM maturity"
        description="A ten-question self-assessment on the four-level model (Ad Hoc, Processed, Integrated, Optimized): the score is the mean of the answers (1–4), checked against what the data in Resonance already shows."
      />
      <section aria-labelledby="latest-heading" className="mb-6">
        <h2 id="latest-heading" className="sr-only">
          Latest assessment
        </h2>
        {latest ? (
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="maturity-latest">
            <p className="text-sm text-slate-600">Latest assessment, {formatDateTime(latest.createdAt)}</p>
            <p className="mt-1 text-2xl font-semibold text-slate-900">
              {LEVEL_NAMES[latest.level as MaturityLevel] ?? latest.level}{" "}
              <span className="text-base font-normal text-slate-600">score {latest.score.toFixed(2)} of 4</span>
            </p>
            {latest.disagreements.length ? (
              <p className="mt-2 text-sm text-red-700">
                {latest.disagreements.length} {latest.disagreements.length === 1 ? "answer is" : "answers are"} two or
                more levels from what the data shows; see the evidence below.
              </p>
            ) : null}
          </div>
        ) : (
          <EmptyState title="No assessment saved yet">
            {canEdit
              ? "Answer the ten questions below and save: the level, score and history appear here."
              : "A manager or admin can answer the questionnaire; the level and history appear here."}
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="evidence-heading" className="mb-6">
        <h2 id="evidence-heading" className="mb-2 font-semibold text-slate-900">
          Evidence
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          A share below 25 % implies Ad Hoc, below 50 % Processed, below 75 % Integrated, else Optimized. An answer two
          or more levels away is flagged.
        </p>
        <EvidenceTable
          figures={evidence.figures}
          answers={latest?.answers ?? null}
          liveSurveys={evidence.liveSurveys}
        />
      </section>
      <section aria-labelledby="questionnaire-heading" className="mb-6">
        <h2 id="questionnaire-heading" className="mb-2 font-semibold text-slate-900">
          Questionnaire
        </h2>
        <Questionnaire initial={latest?.answers ?? null} canEdit={canEdit} />
      </section>
      {history.length ? (
        <section aria-labelledby="history-heading" className="mb-6">
          <h2 id="history-heading" className="mb-2 font-semibold text-slate-900">
            History
          </h2>
          {history.length >= 2 ? (
            <div className="mb-3">
              <ScoreChart
                points={[...history]
                  .reverse()
                  .map((h) => ({ id: h.id, date: formatDate(h.createdAt), score: h.score }))}
              />
              <p className="mt-1 text-xs text-slate-600">
                Score over time; dashed lines are the level boundaries (1.75, 2.5, 3.25). The table below has the same
                figures.
              </p>
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
  );
}
