"use client";
// Settings → Contact rules (managers and admins): at most one invitation per customer per N days across every
// channel, and the quiet hours in which nothing is sent. Errors appear next to their fields; what was typed stays
// when the save fails.
import { updateContactRuleAction } from "@/app/_actions/contact-rules";
import type { ContactRuleDto } from "@/lib/campaigns/contact-rule-service";
import { Section } from "../ui/page-header";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

import { HOUR_OPTIONS as HOURS } from "@/components/ui/hour-options";

export function ContactRulesSection({ rule }: { rule: ContactRuleDto }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateContactRuleAction);
  const e = fieldErrors ?? {};
  return (
    <Section
      title="Contact rules"
      id="contact-rules"
      description="For the whole organization: campaigns, re-surveys after a case and the widget shown to signed-in customers all follow them."
    >
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label="Contact rules"
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        {rule.isDefault ? (
          <p className="text-sm text-slate-700">
            These are the defaults: one invitation per customer per 30 days, nothing sent between 21:00 and 08:00.
          </p>
        ) : null}
        <Input
          id="contact-cap"
          name="capDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          label="At most one invitation per customer every (days)"
          hint="Counted across every channel from the last invitation queued or sent. 0: no limit."
          defaultValue={rule.capDays}
          error={e.capDays}
          className="sm:w-96"
        />
        <fieldset className="grid min-w-0 gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">
            Quiet hours, in the customer&apos;s local time
          </legend>
          <Select
            id="contact-quiet-start"
            name="quietStartHour"
            label="Nothing sent from"
            options={HOURS.slice(0, 24)}
            defaultValue={String(rule.quietStartHour)}
            error={e.quietStartHour}
          />
          <Select
            id="contact-quiet-end"
            name="quietEndHour"
            label="Until"
            hint="Same hour as “from”: no quiet hours"
            options={HOURS}
            defaultValue={String(rule.quietEndHour)}
            error={e.quietEndHour}
          />
          <Input
            id="contact-tz"
            name="timeZone"
            label="Time zone"
            hint="For customers whose own is unknown (a campaign uses its own)"
            defaultValue={rule.timeZone}
            error={e.timeZone}
          />
        </fieldset>
        <div>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save contact rules
          </SubmitButton>
        </div>
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? (
          <FormMessage tone="success">Contact rules saved. They apply to every invitation from now on.</FormMessage>
        ) : null}
      </form>
    </Section>
  );
}
