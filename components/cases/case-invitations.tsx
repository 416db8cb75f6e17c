// The survey invitations a case's resolution caused — the re-survey, and "case resolved" triggers — and what became
// of each: waiting in the outbox (from when), e-mailed, or not sent and why (docs/cases.md).
import { useTranslations } from "next-intl";
import type { CaseDetail } from "@/lib/cases/service";
import { useFormats } from "../i18n/use-formats";

const REASONS = ["opted_out", "erased", "no_email", "no_external_id", "bouncing"] as const;
const isReason = (r: string): r is (typeof REASONS)[number] => (REASONS as readonly string[]).includes(r);

export function CaseInvitations({ invitations }: { invitations: CaseDetail["invitations"] }) {
  const t = useTranslations("cases.invitations");
  const f = useFormats();

  function state(i: CaseDetail["invitations"][number]): string {
    const reason = i.reason ? (isReason(i.reason) ? t(`reason.${i.reason}`) : i.reason) : null;
    switch (i.status) {
      case "queued":
        return t("queued", { at: f.dateTime(i.messages[0]?.nextAttemptAt ?? null) });
      case "sent":
        return t("sent", { at: f.dateTime(i.sentAt) });
      case "bounced":
        return t("bounced");
      case "suppressed":
        return t("suppressed", { reason: reason ?? "—" });
      default:
        return reason ? `${i.status}: ${reason}` : i.status;
    }
  }

  return (
    <ul className="flex flex-col gap-2 text-sm text-slate-800" aria-label={t("label")}>
      {invitations.map((i) => (
        <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3">
          <span className="font-medium">{i.survey.name}</span>{" "}
          <span className="text-slate-700">({i.trigger?.name ?? t("triggerDeleted")})</span>: {state(i)}
        </li>
      ))}
    </ul>
  );
}
