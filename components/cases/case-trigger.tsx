// What opened the case: the response (score, category, comment and every answer) or the interaction's note.
import { useTranslations } from "next-intl";
import type { CaseDetail } from "@/lib/cases/service";
import { localizedText } from "@/lib/surveys/locale";
import { Badge } from "../ui/badge";
import { useFormats } from "../i18n/use-formats";

function answerText(a: NonNullable<CaseDetail["response"]>["answers"][number], yes: string, no: string): string {
  if (a.valueText !== null && a.valueText !== undefined) return a.valueText;
  if (a.valueNumber !== null && a.valueNumber !== undefined) return String(a.valueNumber);
  if (Array.isArray(a.valueChoice)) return a.valueChoice.join(", ");
  if (typeof a.valueChoice === "string" || typeof a.valueChoice === "boolean")
    return a.valueChoice === true ? yes : a.valueChoice === false ? no : a.valueChoice;
  return "—";
}

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

export function CaseTrigger({ kase }: { kase: CaseDetail }) {
  const t = useTranslations("cases.trigger");
  const tl = useTranslations("interactions.labels");
  const f = useFormats();
  const b = (chunks: React.ReactNode) => <span className="font-medium text-slate-900">{chunks}</span>;
  const r = kase.response;
  if (r) {
    const locale = r.survey.defaultLocale;
    return (
      <div className={box} data-testid="case-trigger">
        <p className="text-sm text-slate-700">
          {t.rich("response", { survey: r.survey.name, date: f.dateTime(r.submittedAt), b })}
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
              {tl(`category.${r.category as "detractor"}`)}
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
                <dd className="text-sm break-words text-slate-900">{answerText(a, t("yes"), t("no"))}</dd>
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
          {t.rich("interaction", {
            date: f.dateTime(i.occurredAt),
            touchpoint: i.touchpoint?.name ?? "none",
            staff: i.staff?.name ?? "none",
            b,
          })}
        </p>
        <p className="mt-2 text-sm break-words text-slate-900">{i.note ?? t("noNote")}</p>
      </div>
    );
  }
  return <p className="text-sm text-slate-700">{t("byHand")}</p>;
}
