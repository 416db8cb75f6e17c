"use client";
// Settings → Contact rules (managers and admins): at most one invitation per customer per N days across every
// channel, and the quiet hours in which nothing is sent. Errors appear next to their fields; what was typed stays
// when the save fails. Beside the quiet hours, a warning naming the active campaigns and triggers whose send
// window they would swallow (legal: those then invite no one, as `quiet_hours`) or cut into.
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { updateContactRuleAction } from "@/app/_actions/contact-rules";
import type { ContactRuleDto, SenderWindow } from "@/lib/campaigns/contact-rule-service";
import { windowInQuietHours } from "@/lib/campaigns/window";
import { Section } from "../ui/page-header";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

import { HOUR_OPTIONS as HOURS } from "@/components/ui/hour-options";

const hrefOf = (s: SenderWindow) => `/surveys/${s.kind === "campaign" ? "campaigns" : "triggers"}/${s.id}`;

/** The warning under the quiet hours: who would send nothing, and how many would wait part of their window. */
function QuietHoursWarning({
  quiet,
  senders,
}: {
  quiet: { startHour: number; endHour: number };
  senders: SenderWindow[];
}) {
  const never = senders.filter((s) => windowInQuietHours(s, quiet) === "never");
  const partly = senders.filter((s) => windowInQuietHours(s, quiet) === "partly");
  const t = useTranslations("settings.contactRules");
  if (never.length === 0 && partly.length === 0) return null;
  return (
    <div className="sm:col-span-3">
      <FormMessage tone="warning">
        {never.length
          ? t.rich("never", {
              count: never.length,
              list: () =>
                never.map((s, i) => (
                  <span key={s.id}>
                    {i ? ", " : ""}
                    <Link href={hrefOf(s)} className="underline">
                      {s.name}
                    </Link>{" "}
                    ({t("kind", { kind: s.kind })})
                  </span>
                )),
            })
          : null}
        {partly.length ? t("partly", { count: partly.length }) : null}
      </FormMessage>
    </div>
  );
}

export function ContactRulesSection({ rule, senders }: { rule: ContactRuleDto; senders: SenderWindow[] }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateContactRuleAction);
  const [quiet, setQuiet] = useState({ startHour: rule.quietStartHour, endHour: rule.quietEndHour });
  const e = fieldErrors ?? {};
  const t = useTranslations("settings");
  const c = useTranslations("common");
  return (
    <Section title={t("nav.contactRules")} id="contact-rules" description={t("contactRules.description")}>
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={t("contactRules.formLabel")}
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        {rule.isDefault ? <p className="text-sm text-slate-700">{t("contactRules.defaults")}</p> : null}
        <Input
          id="contact-cap"
          name="capDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          label={t("contactRules.cap")}
          hint={t("contactRules.capHint")}
          defaultValue={rule.capDays}
          error={e.capDays}
          className="sm:w-96"
        />
        <fieldset className="grid min-w-0 gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t("contactRules.quiet")}</legend>
          <Select
            id="contact-quiet-start"
            name="quietStartHour"
            label={t("contactRules.from")}
            options={HOURS.slice(0, 24)}
            value={String(quiet.startHour)}
            onChange={(ev) => setQuiet((q) => ({ ...q, startHour: Number(ev.target.value) }))}
            error={e.quietStartHour}
          />
          <Select
            id="contact-quiet-end"
            name="quietEndHour"
            label={t("contactRules.until")}
            hint={t("contactRules.untilHint")}
            options={HOURS}
            value={String(quiet.endHour)}
            onChange={(ev) => setQuiet((q) => ({ ...q, endHour: Number(ev.target.value) }))}
            error={e.quietEndHour}
          />
          <Input
            id="contact-tz"
            name="timeZone"
            label={t("contactRules.timeZone")}
            hint={t("contactRules.timeZoneHint")}
            defaultValue={rule.timeZone}
            error={e.timeZone}
          />
          <QuietHoursWarning quiet={quiet} senders={senders} />
        </fieldset>
        <div>
          <SubmitButton pending={pending} pendingLabel={c("saving")}>
            {t("contactRules.submit")}
          </SubmitButton>
        </div>
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">{t("contactRules.saved")}</FormMessage> : null}
      </form>
    </Section>
  );
}
