"use client";
// Data retention (admins): responses older than N months are deleted or anonymised by the daily job. Shows
// how many responses the saved policy would process today, the last run, and "Run now".
import { useState } from "react";
import { runRetentionAction, updateRetentionAction } from "@/app/_actions/privacy";
import type { RetentionSettings } from "@/lib/privacy/retention-settings";
import { Section } from "../ui/page-header";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";
import { ActionForm } from "../ui/action-form";
import { formatCount, formatDate, formatDateTime } from "../ui/format";

type Preview = {
  settings: RetentionSettings;
  cutoff: Date;
  count: number;
  lastRun: { periodKey: string; status: string; mode: string; processed: number; finishedAt: Date | null } | null;
};

const MODE_WORD = { anonymise: "anonymised", delete: "deleted" } as const;

export function RetentionSection({ preview }: { preview: Preview }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateRetentionAction);
  const [mode, setMode] = useState<string>(preview.settings.mode);
  const s = preview.settings;
  const last = preview.lastRun;
  return (
    <Section
      id="retention"
      title="Data retention"
      description="Survey responses older than the period you set are deleted, or anonymised (scores stay in the figures, the link to the person, page and device goes). A daily job applies it; every run is in the audit log."
    >
      <div className="flex flex-col gap-4">
        <form
          action={dispatch}
          onSubmit={onSubmit}
          aria-label="Retention policy"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <div className="flex items-center gap-2">
            <input
              id="retention-enabled"
              type="checkbox"
              name="enabled"
              defaultChecked={s.enabled}
              className="size-4"
            />
            <label htmlFor="retention-enabled" className="text-sm font-medium text-slate-800">
              Apply the retention policy every day
            </label>
          </div>
          <Input
            id="retention-months"
            name="months"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            label="Keep responses for (months)"
            defaultValue={String(s.months)}
            error={fieldErrors?.months}
            className="sm:w-64"
          />
          <RadioGroup
            name="mode"
            legend="Then"
            value={mode}
            onChange={setMode}
            options={[
              {
                value: "anonymise",
                label: "Anonymise them",
                hint: "Keeps scores and categories for trends; removes customer, comment, free text, page and device.",
              },
              {
                value: "delete",
                label: "Delete them",
                hint: "Removes the responses and their answers; trends for that time lose them.",
              },
            ]}
          />
          {fieldErrors?.mode ? <p className="text-sm font-medium text-danger">{fieldErrors.mode}</p> : null}
          <div>
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save retention policy
            </SubmitButton>
          </div>
          {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
          {state?.ok ? <FormMessage tone="success">Retention policy saved.</FormMessage> : null}
        </form>

        <div
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          aria-label="Run the retention policy now"
          role="group"
        >
          <p className="text-sm text-slate-800" data-testid="retention-preview">
            <strong>{formatCount(preview.count)}</strong> response{preview.count === 1 ? "" : "s"} submitted before{" "}
            {formatDate(preview.cutoff)} would be {MODE_WORD[s.mode]} now
            {s.enabled ? "." : " (the policy is off: nothing happens until you switch it on or run it now)."}
          </p>
          <p className="text-sm text-slate-600">
            {last
              ? `Last run ${last.periodKey}: ${last.status}, ${formatCount(last.processed)} ${MODE_WORD[last.mode as keyof typeof MODE_WORD] ?? last.mode}${last.finishedAt ? `, finished ${formatDateTime(last.finishedAt)}` : ""}.`
              : "It has not run yet."}
          </p>
          <RunNow count={preview.count} mode={s.mode} />
        </div>
      </div>
    </Section>
  );
}

function RunNow({ count, mode }: { count: number; mode: RetentionSettings["mode"] }) {
  return (
    <ActionForm
      action={runRetentionAction}
      submitLabel="Run now"
      pendingLabel="Applying the policy…"
      variant={mode === "delete" ? "danger" : "secondary"}
      size="md"
      confirm={`${formatCount(count)} response(s) will be ${MODE_WORD[mode]}. Continue?`}
      successMessage="Done. The count above and the audit log show the result."
      aria-label="Run the retention policy now"
    >
      <input type="hidden" name="dryRun" value="false" />
    </ActionForm>
  );
}
