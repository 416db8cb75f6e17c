"use client";
// The fields of how a campaign or a trigger sends — the send window and its time zone, the e-mail subject and the
// reminders — one component for both forms (components/campaigns/campaign-form.tsx, components/triggers/trigger-
// form.tsx), as the API answers them as one part (lib/campaigns/service.ts `sendingDto`). Beside the window, a
// warning when it lies in the organization's quiet hours: partly (legal: messages wait) or entirely (the API
// refuses it with a 400 naming windowStartHour; the warning says so before the save).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormMessage } from "@/components/ui/form-message";
import { HOUR_OPTIONS as HOURS } from "@/components/ui/hour-options";
import type { SendingRow } from "@/lib/campaigns/service";
import { quietHoursSpan, windowInQuietHours, type SendWindow } from "@/lib/campaigns/window";

export type SendingDefaults = SendingRow;

export type SendingContext = {
  /** The organization's quiet hours (contact rules); null: none. */
  quiet: SendWindow | null;
  /** The organization's zone (contact rules): what an empty time zone means. */
  organizationZone: string;
};

export function SendingFields({
  idPrefix,
  errors,
  defaults,
  context,
  subjectHint,
}: {
  idPrefix: string;
  errors: Record<string, string | undefined>;
  defaults: SendingDefaults;
  context: SendingContext;
  subjectHint?: string;
}) {
  const [window, setWindow] = useState({ startHour: defaults.windowStartHour, endHour: defaults.windowEndHour });
  const t = useTranslations("surveys.sending");
  const overlap = windowInQuietHours(window, context.quiet);
  const never = overlap === "never";
  const warning =
    overlap === "none" || !context.quiet ? null : t(`quiet.${overlap}`, { hours: quietHoursSpan(context.quiet) });
  const e = errors;
  const reminders = [0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 0 ? t("none") : String(n) }));
  return (
    <>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t("window")}</legend>
        <Select
          name="windowStartHour"
          id={`${idPrefix}-window-start`}
          label={t("from")}
          options={HOURS.slice(0, 24)}
          value={String(window.startHour)}
          onChange={(ev) => setWindow((w) => ({ ...w, startHour: Number(ev.target.value) }))}
          error={e.windowStartHour}
        />
        <Select
          name="windowEndHour"
          id={`${idPrefix}-window-end`}
          label={t("until")}
          hint={t("untilHint")}
          options={HOURS}
          value={String(window.endHour)}
          onChange={(ev) => setWindow((w) => ({ ...w, endHour: Number(ev.target.value) }))}
          error={e.windowEndHour}
        />
        <Input
          name="timeZone"
          id={`${idPrefix}-tz`}
          label={t("timeZone")}
          hint={t("timeZoneHint", { zone: context.organizationZone })}
          placeholder={context.organizationZone}
          defaultValue={defaults.timeZone ?? ""}
          error={e.timeZone}
        />
        {warning && !e.windowStartHour ? (
          <div className="sm:col-span-3" id={`${idPrefix}-window-warning`}>
            <FormMessage tone={never ? "error" : "warning"}>{warning}</FormMessage>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t("emailAndReminders")}</legend>
        <Input
          name="subject"
          id={`${idPrefix}-subject`}
          label={t("subject")}
          hint={subjectHint ?? t("subjectHint")}
          maxLength={150}
          defaultValue={defaults.subject ?? ""}
          error={e.subject}
        />
        <Select
          name="reminderCount"
          id={`${idPrefix}-reminders`}
          label={t("reminders")}
          hint={t("remindersHint")}
          options={reminders}
          defaultValue={String(defaults.reminderCount)}
          error={e.reminderCount}
        />
        <Input
          name="reminderDelayHours"
          id={`${idPrefix}-reminder-delay`}
          type="number"
          min={1}
          max={2160}
          defaultValue={defaults.reminderDelayHours}
          label={t("delay")}
          error={e.reminderDelayHours}
        />
      </fieldset>
    </>
  );
}
