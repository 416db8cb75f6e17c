// The case's audit trail: who changed what, and what happened to each re-survey (sent to …, or the link shown).
import { useTranslations } from "next-intl";
import type { CaseDetail } from "@/lib/cases/service";
import type { ResurveyOutcome } from "@/lib/cases/resurvey";
import { useFormats } from "../i18n/use-formats";
import { ResurveyResult } from "./resurvey-result";

// The words are in messages/<locale>/cases.json (history.actions, history.fields).
const ACTIONS = [
  "updated",
  "resolved",
  "resurvey_queued",
  "resurvey_sent",
  "resurvey_link_shown",
  "resurvey_unavailable",
  "auto_closed",
  "score_changed",
  "reopened",
] as const;
const FIELDS = ["status", "ownerId", "dueAt", "rootCause", "resolution"] as const;
type HistoryT = ReturnType<typeof useTranslations<"cases.history">>;

function actionLabel(action: string, t: HistoryT): string {
  const name = action.replace(/^case\./, "");
  return (ACTIONS as readonly string[]).includes(name) ? t(`actions.${name as (typeof ACTIONS)[number]}`) : action;
}

function fieldLabel(field: string, t: HistoryT): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`fields.${field as (typeof FIELDS)[number]}`) : field;
}

/** Who acted: a member, an API key, or the system itself (a rule reacting to the customer: no actor at all). */
function actorName(e: CaseDetail["history"][number], t: HistoryT): string {
  if (e.actor) return e.actor.name;
  return e.apiKeyId ? t("apiKey") : t("automatic");
}

function noteOf(data: unknown): string | null {
  const note = (data as { note?: unknown } | null)?.note;
  return typeof note === "string" ? note : null;
}

function isOutcome(data: unknown): data is ResurveyOutcome {
  return (
    !!data && typeof data === "object" && "status" in data && typeof (data as { status: unknown }).status === "string"
  );
}

export function CaseHistory({ events }: { events: CaseDetail["history"] }) {
  const t = useTranslations("cases.history");
  const f = useFormats();
  if (!events.length) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <ol className="flex flex-col gap-2" aria-label={t("label")}>
      {events.map((e) => {
        const fields = (e.data as { fields?: unknown } | null)?.fields;
        return (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <span className="font-medium text-slate-900">
                {actionLabel(e.action, t)}
                {Array.isArray(fields) && fields.length ? (
                  <span className="font-normal text-slate-600">
                    {" "}
                    · {fields.map((field) => fieldLabel(String(field), t)).join(", ")}
                  </span>
                ) : null}
              </span>
              <span className="text-xs text-slate-600">
                {actorName(e, t)} · <time dateTime={e.createdAt.toISOString()}>{f.dateTime(e.createdAt)}</time>
              </span>
            </div>
            {noteOf(e.data) ? <p className="mt-1 text-slate-700">{noteOf(e.data)}</p> : null}
            {e.action.startsWith("case.resurvey") && isOutcome(e.data) ? (
              <div className="mt-2">
                <ResurveyResult outcome={e.data} idSuffix={e.id} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
