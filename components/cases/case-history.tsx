// The case's audit trail: who changed what, and what happened to each re-survey (sent to …, or the link shown).
import type { CaseDetail } from "@/lib/cases/service";
import type { ResurveyOutcome } from "@/lib/cases/resurvey";
import { formatDateTime } from "../ui/format";
import { ResurveyResult } from "./resurvey-result";

const LABELS: Record<string, string> = {
  "case.updated": "Updated",
  "case.resolved": "Resolved",
  "case.resurvey_queued": "Re-survey queued for e-mail",
  "case.resurvey_sent": "Re-survey e-mailed",
  "case.resurvey_link_shown": "Re-survey link shown",
  "case.resurvey_unavailable": "No re-survey possible",
  "case.auto_closed": "Closed: the customer changed their score",
  "case.score_changed": "The customer changed their score",
  "case.reopened": "Reopened: the customer changed their score",
};

/** Who acted: a member, an API key, or the system itself (a rule reacting to the customer: no actor at all). */
function actorName(e: CaseDetail["history"][number]): string {
  if (e.actor) return e.actor.name;
  return e.apiKeyId ? "API key" : "Automatic";
}

function noteOf(data: unknown): string | null {
  const note = (data as { note?: unknown } | null)?.note;
  return typeof note === "string" ? note : null;
}

const FIELD_LABELS: Record<string, string> = {
  status: "status",
  ownerId: "owner",
  dueAt: "due date",
  rootCause: "root cause",
  resolution: "resolution note",
};

function isOutcome(data: unknown): data is ResurveyOutcome {
  return (
    !!data && typeof data === "object" && "status" in data && typeof (data as { status: unknown }).status === "string"
  );
}

export function CaseHistory({ events }: { events: CaseDetail["history"] }) {
  if (!events.length)
    return (
      <p className="text-sm text-slate-700">
        No changes recorded here yet. Changes saved on this page and re-surveys appear here.
      </p>
    );
  return (
    <ol className="flex flex-col gap-2" aria-label="Case history">
      {events.map((e) => {
        const fields = (e.data as { fields?: unknown } | null)?.fields;
        return (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <span className="font-medium text-slate-900">
                {LABELS[e.action] ?? e.action}
                {Array.isArray(fields) && fields.length ? (
                  <span className="font-normal text-slate-600">
                    {" "}
                    · {fields.map((f) => FIELD_LABELS[String(f)] ?? String(f)).join(", ")}
                  </span>
                ) : null}
              </span>
              <span className="text-xs text-slate-600">
                {actorName(e)} · <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
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
