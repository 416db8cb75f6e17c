"use client";
// The new-trigger form: the channel (e-mail or SMS), what fires it (an interaction, optionally at a touchpoint and with an outcome, or a
// resolved case), the survey, the delay, the send window and reminders. Errors appear next to their fields; what
// was typed stays when the save fails. The time zone starts as the browser's.
import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { createTriggerAction } from "@/app/_actions/triggers";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { OUTCOMES } from "@/lib/interactions/schema";
import { OUTCOME_LABELS } from "@/components/interactions/labels";
import { CHANNEL_OPTIONS, SMS_HINT } from "@/components/campaigns/channel-options";

const HOURS = Array.from({ length: 25 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }));
const EVENTS = [
  { value: "interaction", label: "After an interaction" },
  { value: "case_resolved", label: "When a case is resolved" },
];
const UNITS = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
  { value: "days", label: "days" },
];

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function TriggerForm({ surveys, touchpoints }: { surveys: Option[]; touchpoints: Option[] }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createTriggerAction);
  const [event, setEvent] = useState("interaction");
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const e = fieldErrors ?? {};
  if (surveys.length === 0)
    return (
      <p className="text-sm text-slate-700">
        A trigger invites to a live survey.{" "}
        <Link href="/surveys" className="underline">
          Publish a survey
        </Link>{" "}
        first.
      </p>
    );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="New trigger" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Input name="name" id="trigger-name" label="Name" maxLength={120} required error={e.name} />
        <Select name="surveyId" id="trigger-survey" label="Survey" options={surveys} error={e.surveyId} />
        <Select
          name="channel"
          id="trigger-channel"
          label="Send by"
          options={CHANNEL_OPTIONS}
          hint={SMS_HINT}
          error={e.channel}
        />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">When</legend>
        <Select
          name="event"
          id="trigger-event"
          label="Event"
          options={EVENTS}
          value={event}
          onChange={(ev) => setEvent(ev.target.value)}
          error={e.event}
        />
        {event === "interaction" ? (
          <>
            <Select
              name="touchpointId"
              id="trigger-touchpoint"
              label="At touchpoint"
              options={[{ value: "", label: "Any touchpoint" }, ...touchpoints]}
              error={e.touchpointId}
            />
            <Select
              name="outcome"
              id="trigger-outcome"
              label="With outcome"
              options={[
                { value: "", label: "Any outcome" },
                ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o]?.label ?? o })),
              ]}
              error={e.outcome}
            />
          </>
        ) : null}
        <Input
          name="delayAmount"
          id="trigger-delay"
          type="number"
          min={0}
          defaultValue={1}
          label="Invite after"
          hint="0: at once (within the send window). At most 90 days"
          error={e.delayAmount}
        />
        <Select
          name="delayUnit"
          id="trigger-delay-unit"
          label="Unit"
          options={UNITS}
          defaultValue="hours"
          error={e.delayUnit}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Send window</legend>
        <Select
          name="windowStartHour"
          id="trigger-window-start"
          label="Send from"
          options={HOURS.slice(0, 24)}
          defaultValue="9"
          error={e.windowStartHour}
        />
        <Select
          name="windowEndHour"
          id="trigger-window-end"
          label="Send until"
          hint="Customer's local time; same hour as “from”: any time"
          options={HOURS}
          defaultValue="20"
          error={e.windowEndHour}
        />
        <Input
          name="timeZone"
          id="trigger-tz"
          label="Time zone"
          hint="For customers whose own time zone is unknown"
          key={browserZone}
          defaultValue={browserZone}
          error={e.timeZone}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Message</legend>
        <Input
          name="subject"
          id="trigger-subject"
          label="E-mail subject"
          hint="E-mail only. Leave empty for “<your organization> would like your opinion”"
          maxLength={150}
          error={e.subject}
        />
        <Select
          name="reminderCount"
          id="trigger-reminders"
          label="Reminders"
          hint="To those who have not answered"
          options={[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 0 ? "None" : String(n) }))}
          defaultValue="0"
          error={e.reminderCount}
        />
        <Input
          name="reminderDelayHours"
          id="trigger-reminder-delay"
          type="number"
          min={1}
          max={2160}
          defaultValue={72}
          label="Hours after the previous message"
          error={e.reminderDelayHours}
        />
      </fieldset>
      {message ? (
        <FormMessage tone="error">{fieldErrors ? "Please correct the highlighted fields." : message}</FormMessage>
      ) : null}
      {state?.ok ? <FormMessage tone="success">Trigger created. It invites from the next event on.</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create trigger
        </SubmitButton>
      </div>
    </form>
  );
}
