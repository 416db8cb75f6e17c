"use client";
// The trigger form, new or editing one (its page, /surveys/triggers/<id>): what fires it (an interaction, optionally
// at a touchpoint and with an outcome, or a resolved case — the event is fixed once made), the survey, the delay,
// the channel (e-mail or SMS) and how it sends (SendingFields, shared with the campaign form). The built-in re-survey keeps the case's own
// survey: its form has no survey, touchpoint or outcome. Errors appear next to their fields; what was typed stays
// when the save fails.
import Link from "next/link";
import { useState } from "react";
import { createTriggerAction, updateTriggerAction } from "@/app/_actions/triggers";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SendingFields, type SendingContext } from "@/components/sending/sending-fields";
import { OUTCOMES } from "@/lib/interactions/schema";
import { OUTCOME_LABELS } from "@/components/interactions/labels";
import { useChannelOptions } from "@/components/campaigns/channel-options";
import type { TriggerDto } from "@/lib/triggers/service";

const EVENTS = [
  { value: "interaction", label: "After an interaction" },
  { value: "case_resolved", label: "When a case is resolved" },
];
const UNITS = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
  { value: "days", label: "days" },
];

const NEW_TRIGGER = {
  timeZone: null,
  windowStartHour: 9,
  windowEndHour: 20,
  reminderCount: 0,
  reminderDelayHours: 72,
  subject: null,
};

export function TriggerForm({
  surveys,
  touchpoints,
  sending,
  trigger,
}: {
  surveys: Option[];
  touchpoints: Option[];
  sending: SendingContext;
  /** Editing this trigger; none: a new one. */
  trigger?: TriggerDto;
}) {
  const action = trigger ? updateTriggerAction.bind(null, trigger.id) : createTriggerAction;
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(action);
  const channels = useChannelOptions();
  const [event, setEvent] = useState<string>(trigger?.event ?? "interaction");
  const e = fieldErrors ?? {};
  const builtIn = trigger?.builtIn != null;
  const prefix = trigger ? "edit-trigger" : "trigger";
  if (surveys.length === 0 && !builtIn)
    return (
      <p className="text-sm text-slate-700">
        A trigger invites to a live survey.{" "}
        <Link href="/surveys" className="underline">
          Publish a survey
        </Link>{" "}
        first.
      </p>
    );
  // A survey no longer live stays choosable on its trigger's form (the save then says why it cannot be kept).
  const surveyOptions =
    trigger?.survey && !surveys.some((s) => s.value === trigger.survey!.id)
      ? [{ value: trigger.survey.id, label: `${trigger.survey.name} (not live)` }, ...surveys]
      : surveys;
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label={trigger ? "Trigger settings" : "New trigger"}
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Input
          name="name"
          id={`${prefix}-name`}
          label="Name"
          maxLength={120}
          required
          defaultValue={trigger?.name}
          error={e.name}
        />
        {builtIn ? (
          <p className="self-end text-sm text-slate-700">
            Survey: the case&apos;s own (else the live NPS, else CSAT survey).
          </p>
        ) : (
          <Select
            name="surveyId"
            id={`${prefix}-survey`}
            label="Survey"
            options={surveyOptions}
            defaultValue={trigger?.survey?.id}
            error={e.surveyId}
          />
        )}
        {builtIn ? null : (
          <Select
            name="channel"
            id={`${prefix}-channel`}
            label="Send by"
            options={channels.options}
            hint={channels.smsHint}
            defaultValue={trigger?.channel ?? "email"}
            error={e.channel}
          />
        )}
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">When</legend>
        {trigger ? (
          <p className="text-sm text-slate-700 sm:col-span-3">
            {builtIn
              ? "When an agent resolves a case and asks for a re-survey."
              : `${EVENTS.find((x) => x.value === trigger.event)?.label ?? trigger.event} (fixed once made).`}
          </p>
        ) : (
          <Select
            name="event"
            id={`${prefix}-event`}
            label="Event"
            options={EVENTS}
            value={event}
            onChange={(ev) => setEvent(ev.target.value)}
            error={e.event}
          />
        )}
        {event === "interaction" && !builtIn ? (
          <>
            <Select
              name="touchpointId"
              id={`${prefix}-touchpoint`}
              label="At touchpoint"
              options={[{ value: "", label: "Any touchpoint" }, ...touchpoints]}
              defaultValue={trigger?.touchpoint?.id ?? ""}
              error={e.touchpointId}
            />
            <Select
              name="outcome"
              id={`${prefix}-outcome`}
              label="With outcome"
              options={[
                { value: "", label: "Any outcome" },
                ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o]?.label ?? o })),
              ]}
              defaultValue={trigger?.outcome ?? ""}
              error={e.outcome}
            />
          </>
        ) : null}
        <Input
          name="delayAmount"
          id={`${prefix}-delay`}
          type="number"
          min={0}
          defaultValue={trigger?.delay.amount ?? 1}
          label="Invite after"
          hint="0: at once (within the send window). At most 90 days"
          error={e.delayAmount}
        />
        <Select
          name="delayUnit"
          id={`${prefix}-delay-unit`}
          label="Unit"
          options={UNITS}
          defaultValue={trigger?.delay.unit ?? "hours"}
          error={e.delayUnit}
        />
      </fieldset>
      <SendingFields
        idPrefix={prefix}
        errors={e}
        defaults={
          trigger
            ? {
                timeZone: trigger.sendWindow.timeZone,
                windowStartHour: trigger.sendWindow.startHour,
                windowEndHour: trigger.sendWindow.endHour,
                reminderCount: trigger.reminders.count,
                reminderDelayHours: trigger.reminders.delayHours,
                subject: trigger.subject,
              }
            : NEW_TRIGGER
        }
        context={sending}
      />
      {message ? (
        <FormMessage tone="error">{fieldErrors ? "Please correct the highlighted fields." : message}</FormMessage>
      ) : null}
      {state?.ok ? (
        <FormMessage tone="success">
          {trigger
            ? "Saved. Events from now on use these settings."
            : "Trigger created. It invites from the next event on."}
        </FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={trigger ? "Saving…" : "Creating…"}>
          {trigger ? "Save trigger" : "Create trigger"}
        </SubmitButton>
      </div>
    </form>
  );
}
