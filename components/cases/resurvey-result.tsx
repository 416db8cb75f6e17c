"use client";
// What happened to the re-survey: queued for e-mail (to whom, from when), e-mailed (re-surveys sent before the
// outbox), or the link to pass on with the reason it was not sent. The reason is worded from its code
// (lib/cases/resurvey-codes.ts) in the page's language; an outcome stored before the codes shows its English
// sentence as stored.
import { useTranslations } from "next-intl";
import type { ResurveyOutcome } from "@/lib/cases/resurvey";
import { HELD_BACK_RULES, isOneOf, LINK_CODES, UNAVAILABLE_CODES, UNLINKED_CODES } from "@/lib/cases/resurvey-codes";
import { CopyButton } from "../ui/copy-button";
import { FormMessage } from "../ui/form-message";

type ResurveyT = ReturnType<typeof useTranslations<"cases.resurvey">>;

/** "invited 12 days ago": a contact rule's reason; one without words (a newer rule) by its name. */
function ruleText(rule: unknown, days: number | null | undefined, t: ResurveyT): string {
  if (rule === "recently_invited")
    return typeof days === "number" ? t("rules.recently_invited", { days }) : t("rules.invitedRecently");
  if (isOneOf(HELD_BACK_RULES, rule)) return t(`rules.${rule}`);
  return String(rule ?? "").replace(/_/g, " ");
}

/** Why it was not e-mailed, in the page's language when the outcome has a code; else its stored sentence. */
export function reasonText(
  outcome: Extract<ResurveyOutcome, { status: "link_shown" | "unavailable" }>,
  t: ResurveyT,
): string {
  if (outcome.status === "unavailable") {
    if (!isOneOf(UNAVAILABLE_CODES, outcome.code)) return outcome.reason;
    if (outcome.code === "held_back") return t("reasons.held_back", { rule: ruleText(outcome.rule, outcome.days, t) });
    return t(`reasons.${outcome.code}`);
  }
  if (!isOneOf(LINK_CODES, outcome.code)) return outcome.reason;
  const unlinked = isOneOf(UNLINKED_CODES, outcome.unlinked) ? ` ${t(`unlinked.${outcome.unlinked}`)}` : "";
  return `${t(`reasons.${outcome.code}`)}${unlinked}`;
}

export function ResurveyResult({ outcome, idSuffix = "new" }: { outcome: ResurveyOutcome; idSuffix?: string }) {
  const t = useTranslations("cases.resurvey");
  const address = (chunks: React.ReactNode) => <span className="break-all">{chunks}</span>;
  if (outcome.status === "queued") {
    // The time in UTC, as stored: the same text on the server and in the browser, whatever their zones.
    const due = `${outcome.at.slice(0, 16).replace("T", " ")} UTC`;
    return (
      <FormMessage tone="success">
        {t.rich(outcome.paused ? "queuedPaused" : "queued", { to: outcome.to, due, address })}
      </FormMessage>
    );
  }
  if (outcome.status === "sent") {
    return <FormMessage tone="success">{t.rich("sent", { to: outcome.to, address })}</FormMessage>;
  }
  if (outcome.status === "unavailable")
    return <FormMessage tone="info">{t("unavailable", { reason: reasonText(outcome, t) })}</FormMessage>;
  const id = `resurvey-link-${idSuffix}`;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="resurvey-link">
      <p className="text-sm text-slate-800">
        {reasonText(outcome, t)} {t("passOn")}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor={id} className="sr-only">
          {t("link")}
        </label>
        <input
          id={id}
          readOnly
          value={outcome.link}
          className="block min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
        />
        <CopyButton value={outcome.link} targetId={id} label={t("copy")} />
      </div>
    </div>
  );
}
