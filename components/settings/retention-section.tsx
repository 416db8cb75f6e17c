"use client";
// Data retention (admins): responses older than N months are deleted or anonymised by the daily job. Shows
// how many responses the saved policy would process today, the last run, and "Run now".
import { useState } from "react";
import { useTranslations } from "next-intl";
import { runRetentionAction, updateRetentionAction } from "@/app/_actions/privacy";
import type { RetentionSettings } from "@/lib/privacy/retention-settings";
import { Section } from "../ui/page-header";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";
import { ActionForm } from "../ui/action-form";
import { useFormats } from "../i18n/use-formats";

type Preview = {
  settings: RetentionSettings;
  cutoff: Date;
  count: number;
  lastRun: { periodKey: string; status: string; mode: string; processed: number; finishedAt: Date | null } | null;
};

export function RetentionSection({ preview }: { preview: Preview }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateRetentionAction);
  const [mode, setMode] = useState<string>(preview.settings.mode);
  const t = useTranslations("settings.retention");
  const nav = useTranslations("settings.nav");
  const c = useTranslations("common");
  const f = useFormats();
  const s = preview.settings;
  const last = preview.lastRun;
  const lastRun = last && {
    period: last.periodKey,
    status: t("status", { status: last.status }),
    count: f.count(last.processed),
    mode: last.mode,
  };
  return (
    <Section id="retention" title={nav("retention")} description={t("description")}>
      <div className="flex flex-col gap-4">
        <form
          action={dispatch}
          onSubmit={onSubmit}
          aria-label={t("formLabel")}
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
              {t("enabled")}
            </label>
          </div>
          <Input
            id="retention-months"
            name="months"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            label={t("months")}
            defaultValue={String(s.months)}
            error={fieldErrors?.months}
            className="sm:w-64"
          />
          <RadioGroup
            name="mode"
            legend={t("then")}
            value={mode}
            onChange={setMode}
            options={[
              {
                value: "anonymise",
                label: t("anonymise"),
                hint: t("anonymiseHint"),
              },
              {
                value: "delete",
                label: t("delete"),
                hint: t("deleteHint"),
              },
            ]}
          />
          {fieldErrors?.mode ? <p className="text-sm font-medium text-danger">{fieldErrors.mode}</p> : null}
          <div>
            <SubmitButton pending={pending} pendingLabel={c("saving")}>
              {t("submit")}
            </SubmitButton>
          </div>
          {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
          {state?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
        </form>

        <div
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          aria-label={t("runGroup")}
          role="group"
        >
          <p className="text-sm text-slate-800" data-testid="retention-preview">
            {t.rich("preview", {
              count: preview.count,
              date: f.date(preview.cutoff),
              mode: s.mode,
              enabled: s.enabled ? "yes" : "no",
              b: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p className="text-sm text-slate-600">
            {!last || !lastRun
              ? t("never")
              : last.finishedAt
                ? t("lastRunFinished", { ...lastRun, finished: f.dateTime(last.finishedAt) })
                : t("lastRun", lastRun)}
          </p>
          <RunNow count={preview.count} mode={s.mode} />
        </div>
      </div>
    </Section>
  );
}

function RunNow({ count, mode }: { count: number; mode: RetentionSettings["mode"] }) {
  const t = useTranslations("settings.retention");
  return (
    <ActionForm
      action={runRetentionAction}
      submitLabel={t("runNow")}
      pendingLabel={t("running")}
      variant={mode === "delete" ? "danger" : "secondary"}
      size="md"
      confirm={t("confirm", { count, mode })}
      successMessage={t("done")}
      aria-label={t("runGroup")}
    >
      <input type="hidden" name="dryRun" value="false" />
    </ActionForm>
  );
}
