// What opened the case: the response (score, category, comment and every answer) or the interaction's note.
import type { CaseDetail } from "@/lib/cases/service";
import { localizedText } from "@/lib/surveys/locale";
import { Badge } from "../ui/badge";
import { formatDateTime } from "../ui/format";

function answerText(a: NonNullable<CaseDetail["response"]>["answers"][number]): string {
  if (a.valueText !== null && a.valueText !== undefined) return a.valueText;
  if (a.valueNumber !== null && a.valueNumber !== undefined) return String(a.valueNumber);
  if (Array.isArray(a.valueChoice)) return a.valueChoice.join(", ");
  if (typeof a.valueChoice === "string" || typeof a.valueChoice === "boolean")
    return a.valueChoice === true ? "Yes" : a.valueChoice === false ? "No" : a.valueChoice;
  return "—";
}

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

export function CaseTrigger({ kase }: { kase: CaseDetail }) {
  const r = kase.response;
  if (r) {
    const locale = r.survey.defaultLocale;
    return (
      <div className={box} data-testid="case-trigger">
        <p className="text-sm text-slate-700">
          A response to <span className="font-medium text-slate-900">{r.survey.name}</span> on{" "}
          {formatDateTime(r.submittedAt)}
        </p>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-3xl font-semibold text-slate-900">{r.score ?? "—"}</span>
          <span className="text-sm text-slate-600 uppercase">{r.metric ?? ""}</span>
          {r.category ? (
            <Badge
              tone={
                r.category === "detractor" || r.category === "dissatisfied" || r.category === "disagree"
                  ? "danger"
                  : "neutral"
              }
            >
              {r.category}
            </Badge>
          ) : null}
        </p>
        {r.comment ? (
          <blockquote className="mt-3 border-l-4 border-slate-300 pl-3 text-sm break-words text-slate-800">
            “{r.comment}”
          </blockquote>
        ) : null}
        {r.answers.length ? (
          <dl className="mt-4 flex flex-col gap-2 border-t border-slate-100 pt-3">
            {r.answers.map((a) => (
              <div key={a.id} className="min-w-0">
                <dt className="text-xs text-slate-600">{localizedText(a.question.text, locale, a.question.key)}</dt>
                <dd className="text-sm break-words text-slate-900">{answerText(a)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    );
  }
  const i = kase.interaction;
  if (i) {
    return (
      <div className={box} data-testid="case-trigger">
        <p className="text-sm text-slate-700">
          An interaction marked <span className="font-medium text-slate-900">follow-up needed</span> on{" "}
          {formatDateTime(i.occurredAt)}
          {i.touchpoint ? ` at ${i.touchpoint.name}` : ""}
          {i.staff ? `, logged by ${i.staff.name}` : ""}
        </p>
        <p className="mt-2 text-sm break-words text-slate-900">{i.note ?? "No note was left."}</p>
      </div>
    );
  }
  return (
    <p className="text-sm text-slate-700">This case was opened by hand, or what opened it has since been deleted.</p>
  );
}
