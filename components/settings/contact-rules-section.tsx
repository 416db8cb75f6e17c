"use client";
// Settings → Contact rules (managers and admins): at most one invitation per customer per N days across every
// channel, and the quiet hours in which nothing is sent. Errors appear next to their fields; what was typed stays
// when the save fails. Beside the quiet hours, a warning naming the active campaigns and triggers whose send
// window they would swallow (legal: those then invite no one, as `quiet_hours`) or cut into.
import { useState } from "react";
import Link from "next/link";
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
  if (never.length === 0 && partly.length === 0) return null;
  return (
    <div className="sm:col-span-3">
      <FormMessage tone="warning">
        {never.length ? (
          <>
            The send window of {never.length === 1 ? "this active sender lies" : "these active senders lie"} entirely in
            these quiet hours, so {never.length === 1 ? "it" : "they"} would invite no one:{" "}
            {never.map((s, i) => (
              <span key={s.id}>
                {i ? ", " : ""}
                <Link href={hrefOf(s)} className="underline">
                  {s.name}
                </Link>{" "}
                ({s.kind})
              </span>
            ))}
            .{" "}
          </>
        ) : null}
        {partly.length
          ? `${partly.length} other active campaign${partly.length === 1 ? "" : "s"} or trigger${partly.length === 1 ? "" : "s"} send partly in them: those messages wait until the quiet hours end.`
          : null}
      </FormMessage>
    </div>
  );
}

export function ContactRulesSection({ rule, senders }: { rule: ContactRuleDto; senders: SenderWindow[] }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateContactRuleAction);
  const [quiet, setQuiet] = useState({ startHour: rule.quietStartHour, endHour: rule.quietEndHour });
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
            value={String(quiet.startHour)}
            onChange={(ev) => setQuiet((q) => ({ ...q, startHour: Number(ev.target.value) }))}
            error={e.quietStartHour}
          />
          <Select
            id="contact-quiet-end"
            name="quietEndHour"
            label="Until"
            hint="Same hour as “from”: no quiet hours"
            options={HOURS}
            value={String(quiet.endHour)}
            onChange={(ev) => setQuiet((q) => ({ ...q, endHour: Number(ev.target.value) }))}
            error={e.quietEndHour}
          />
          <Input
            id="contact-tz"
            name="timeZone"
            label="Time zone"
            hint="For customers whose own is unknown, where a campaign or trigger names none"
            defaultValue={rule.timeZone}
            error={e.timeZone}
          />
          <QuietHoursWarning quiet={quiet} senders={senders} />
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
