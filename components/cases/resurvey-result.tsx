"use client";
// What happened to the re-survey: queued for e-mail (to whom, from when), e-mailed (re-surveys sent before the
// outbox), or the link to pass on with the reason it was not sent. The reasons come from lib/cases/resurvey.ts in
// English (kept with the case's history): not translated yet.
import { useTranslations } from "next-intl";
import type { ResurveyOutcome } from "@/lib/cases/resurvey";
import { CopyButton } from "../ui/copy-button";
import { FormMessage } from "../ui/form-message";

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
    return <FormMessage tone="info">{t("unavailable", { reason: outcome.reason })}</FormMessage>;
  const id = `resurvey-link-${idSuffix}`;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="resurvey-link">
      <p className="text-sm text-slate-800">
        {outcome.reason} {t("passOn")}
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
