"use client";
// What happened to the re-survey: queued for e-mail (to whom, from when), e-mailed (re-surveys sent before the
// outbox), or the link to pass on with the reason it was not sent.
import type { ResurveyOutcome } from "@/lib/cases/resurvey";
import { CopyButton } from "../ui/copy-button";
import { FormMessage } from "../ui/form-message";

export function ResurveyResult({ outcome, idSuffix = "new" }: { outcome: ResurveyOutcome; idSuffix?: string }) {
  if (outcome.status === "queued") {
    const due = `${outcome.at.slice(0, 16).replace("T", " ")} UTC`;
    return (
      <FormMessage tone="success">
        Re-survey queued: e-mailed to <span className="break-all">{outcome.to}</span> from {due}
        {outcome.paused ? ", once the re-survey trigger is resumed (Surveys → Triggers)" : ""}.
      </FormMessage>
    );
  }
  if (outcome.status === "sent") {
    return (
      <FormMessage tone="success">
        Re-survey e-mailed to <span className="break-all">{outcome.to}</span>.
      </FormMessage>
    );
  }
  if (outcome.status === "unavailable") return <FormMessage tone="info">No re-survey: {outcome.reason}</FormMessage>;
  const id = `resurvey-link-${idSuffix}`;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="resurvey-link">
      <p className="text-sm text-slate-800">{outcome.reason} Pass this link on to the customer:</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor={id} className="sr-only">
          Re-survey link
        </label>
        <input
          id={id}
          readOnly
          value={outcome.link}
          className="block min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
        />
        <CopyButton value={outcome.link} targetId={id} label="Copy link" />
      </div>
    </div>
  );
}
