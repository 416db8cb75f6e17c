"use client";
// The weekly digest's settings (admins): on/off, day and hour (UTC), and who receives it — every admin and
// manager (the default) or the members ticked here.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { updateDigestSettingsAction } from "@/app/_actions/digest";
import { WEEKDAYS, type DigestSettings } from "@/lib/digest/settings";
import { isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";

type Member = { id: string; role: string; user: { id: string; name: string; email: string } };

// The catalogue's names of the days, in the order of WEEKDAYS (Sunday = 0, as the saved setting counts them).
const DAY_KEYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

export function DigestSection({
  settings,
  members,
  smtpConfigured,
}: {
  settings: DigestSettings;
  members: Member[];
  smtpConfigured: boolean;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateDigestSettingsAction);
  const t = useTranslations("settings");
  const c = useTranslations("common");
  const dayOptions = WEEKDAYS.map((_, i) => ({ value: String(i), label: t(`digest.weekdays.${DAY_KEYS[i]}`) }));
  const hourOptions = HOURS.map((h) => ({ value: h, label: t("digest.hour", { hour: h.padStart(2, "0") }) }));
  const [mode, setMode] = useState<string>(settings.recipients === null ? "default" : "custom");
  const chosen = new Set(settings.recipients ?? []);
  const defaultIds = new Set(members.filter((m) => m.role === "admin" || m.role === "manager").map((m) => m.user.id));

  return (
    <Section id="digest" title={t("nav.digest")} description={t("digest.description")}>
      {smtpConfigured ? null : (
        <p className="mb-3 text-sm text-slate-700">
          {t.rich("digest.noSmtp", {
            code: (chunks) => <code className="font-mono">{chunks}</code>,
            a: (chunks) => (
              <a href="/reports/digest" className="font-medium text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      )}
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={t("digest.formLabel")}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="flex items-center gap-2">
          <input
            id="digest-enabled"
            type="checkbox"
            name="enabled"
            defaultChecked={settings.enabled}
            className="size-4"
          />
          <label htmlFor="digest-enabled" className="text-sm font-medium text-slate-800">
            {t("digest.enabled")}
          </label>
        </div>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Select
            id="digest-weekday"
            name="weekday"
            label={t("digest.day")}
            defaultValue={String(settings.weekday)}
            options={dayOptions}
            error={fieldErrors?.weekday}
            className="sm:w-48"
          />
          <Select
            id="digest-hour"
            name="hour"
            label={t("digest.time")}
            defaultValue={String(settings.hour)}
            options={hourOptions}
            error={fieldErrors?.hour}
            hint={t("digest.timeHint")}
            className="sm:w-56"
          />
        </div>
        <RadioGroup
          name="recipientsMode"
          legend={t("digest.recipients")}
          value={mode}
          onChange={setMode}
          options={[
            {
              value: "default",
              label: t("digest.default"),
              hint: t("digest.defaultHint", { count: defaultIds.size }),
            },
            { value: "custom", label: t("digest.custom") },
          ]}
        />
        <fieldset
          disabled={mode !== "custom"}
          aria-describedby={fieldErrors?.recipients ? "digest-recipients-error" : undefined}
          className="min-w-0 disabled:opacity-60"
        >
          <legend className="text-sm font-medium text-slate-800">{t("digest.members")}</legend>
          <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
            {members.map((m) => {
              const id = `digest-recipient-${m.user.id}`;
              return (
                <li key={m.id} className="flex min-w-0 items-start gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    name="recipients"
                    value={m.user.id}
                    defaultChecked={settings.recipients === null ? defaultIds.has(m.user.id) : chosen.has(m.user.id)}
                    className="mt-1 size-4 shrink-0"
                  />
                  <label htmlFor={id} className="min-w-0 text-sm text-slate-800">
                    <span className="font-medium">{m.user.name}</span>{" "}
                    <span className="text-slate-600">· {isRole(m.role) ? c(`roles.${m.role}.label`) : m.role}</span>
                    <span className="block break-all text-xs text-slate-600">{m.user.email}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          {fieldErrors?.recipients ? (
            <p id="digest-recipients-error" className="mt-2 text-sm font-medium text-danger">
              {fieldErrors.recipients}
            </p>
          ) : null}
        </fieldset>
        <div>
          <SubmitButton pending={pending} pendingLabel={c("saving")}>
            {t("digest.submit")}
          </SubmitButton>
        </div>
        {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">{t("digest.saved")}</FormMessage> : null}
      </form>
    </Section>
  );
}
