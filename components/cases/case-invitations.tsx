// The survey invitations a case's resolution caused — the re-survey, and "case resolved" triggers — and what became
// of each: waiting in the outbox (from when), e-mailed, or not sent and why (docs/cases.md).
import type { CaseDetail } from "@/lib/cases/service";
import { formatDateTime } from "../ui/format";

const REASONS: Record<string, string> = {
  opted_out: "the customer opted out",
  erased: "the customer was erased",
  no_email: "no e-mail address",
  no_external_id: "no external id",
  bouncing: "the address bounces",
};

function state(i: CaseDetail["invitations"][number]): string {
  const reason = i.reason ? (REASONS[i.reason] ?? i.reason) : null;
  switch (i.status) {
    case "queued":
      return `waiting to be e-mailed from ${formatDateTime(i.messages[0]?.nextAttemptAt ?? null)}`;
    case "sent":
      return `e-mailed ${formatDateTime(i.sentAt)}`;
    case "bounced":
      return "e-mailed, but the address bounced";
    case "suppressed":
      return `not sent: ${reason}`;
    default:
      return reason ? `${i.status}: ${reason}` : i.status;
  }
}

export function CaseInvitations({ invitations }: { invitations: CaseDetail["invitations"] }) {
  return (
    <ul className="flex flex-col gap-2 text-sm text-slate-800" aria-label="Survey invitations">
      {invitations.map((i) => (
        <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3">
          <span className="font-medium">{i.survey.name}</span>{" "}
          <span className="text-slate-700">({i.trigger?.name ?? "trigger deleted"})</span>: {state(i)}
        </li>
      ))}
    </ul>
  );
}
