"use client";
// The weekly digest's settings (admins): on/off, day and hour (UTC), and who receives it — every admin and
// manager (the default) or the members ticked here.
import { useState } from "react";
import { updateDigestSettingsAction } from "@/app/_actions/digest";
import { WEEKDAYS, type DigestSettings } from "@/lib/digest/settings";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";

type Member = { id: string; role: string; user: { id: string; name: string; email: string } };

const DAY_OPTIONS = WEEKDAYS.map((label, i) => ({ value: String(i), label }));
const HOUR_OPTIONS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, "0")}:00 UTC`,
}));

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
  const [mode, setMode] = useState<string>(settings.recipients === null ? "default" : "custom");
  const chosen = new Set(settings.recipients ?? []);
  const defaultIds = new Set(members.filter((m) => m.role === "admin" || m.role === "manager").map((m) => m.user.id));

  return (
    <Section
      id="digest"
      title="Weekly digest"
      description="An e-mail with the week's NPS, CSAT and CES against the week before, the biggest significant changes by touchpoint and journey, new detractors and open cases."
    >
      {smtpConfigured ? null : (
        <p className="mb-3 text-sm text-slate-700">
          E-mail is not set up on this server yet: the digest is sent once{" "}
          <code className="font-mono">DIGEST_SMTP_URL</code> is configured (see the README). You can read it any time on{" "}
          <a href="/reports/digest" className="font-medium text-brand-700 underline">
            Reports → Weekly digest
          </a>
          .
        </p>
      )}
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label="Weekly digest settings"
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
            Send the weekly digest
          </label>
        </div>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Select
            id="digest-weekday"
            name="weekday"
            label="Day"
            defaultValue={String(settings.weekday)}
            options={DAY_OPTIONS}
            error={fieldErrors?.weekday}
            className="sm:w-48"
          />
          <Select
            id="digest-hour"
            name="hour"
            label="Time"
            defaultValue={String(settings.hour)}
            options={HOUR_OPTIONS}
            error={fieldErrors?.hour}
            hint="It covers the seven full days before that day."
            className="sm:w-56"
          />
        </div>
        <RadioGroup
          name="recipientsMode"
          legend="Recipients"
          value={mode}
          onChange={setMode}
          options={[
            {
              value: "default",
              label: "All admins and managers",
              hint: `${defaultIds.size} member${defaultIds.size === 1 ? "" : "s"} today; people who join later as admin or manager get it too.`,
            },
            { value: "custom", label: "Only the members ticked below" },
          ]}
        />
        <fieldset
          disabled={mode !== "custom"}
          aria-describedby={fieldErrors?.recipients ? "digest-recipients-error" : undefined}
          className="min-w-0 disabled:opacity-60"
        >
          <legend className="text-sm font-medium text-slate-800">Members who receive it</legend>
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
                    <span className="text-slate-600">· {isRole(m.role) ? ROLE_LABELS[m.role].label : m.role}</span>
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
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save digest settings
          </SubmitButton>
        </div>
        {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">Digest settings saved.</FormMessage> : null}
      </form>
    </Section>
  );
}
