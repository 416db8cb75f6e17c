"use client";
// The trigger form, new or editing one (its page, /surveys/triggers/<id>): what fires it (an interaction, optionally
// at a touchpoint and with an outcome, or a resolved case — the event is fixed once made), the survey, the delay,
// the channel (e-mail or SMS) and how it sends (SendingFields, shared with the campaign form). The built-in re-survey keeps the case's own
// survey: its form has no survey, touchpoint or outcome. Errors appear next to their fields; what was typed stays
// when the save fails.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { createTriggerAction, updateTriggerAction } from "@/app/_actions/triggers";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SendingFields, type SendingContext } from "@/components/sending/sending-fields";
import { OUTCOMES } from "@/lib/interactions/schema";
import { useChannelOptions } from "@/components/campaigns/channel-options";
import type { TriggerDto } from "@/lib/triggers/service";

const EVENTS = ["interaction", "case_resolved"] as const;
const UNITS = ["minutes", "hours", "days"] as const;

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
  const t = useTranslations("surveys.triggers.form");
  const tOutcome = useTranslations("interactions.labels.outcome");
  const events = EVENTS.map((value) => ({ value, label: t(`events.${value}`) }));
  const [event, setEvent] = useState<string>(trigger?.event ?? "interaction");
  const e = fieldErrors ?? {};
  const builtIn = trigger?.builtIn != null;
  const prefix = trigger ? "edit-trigger" : "trigger";
  if (surveys.length === 0 && !builtIn)
    return (
      <p className="text-sm text-slate-700">
        {t.rich("needsSurvey", {
          link: (c) => (
            <Link href="/surveys" className="underline">
              {c}
            </Link>
          ),
        })}
      </p>
    );
  // A survey no longer live stays choosable on its trigger's form (the save then says why it cannot be kept).
  const surveyOptions =
    trigger?.survey && !surveys.some((s) => s.value === trigger.survey!.id)
      ? [{ value: trigger.survey.id, label: t("notLiveOption", { name: trigger.survey.name }) }, ...surveys]
      : surveys;
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label={trigger ? t("settings") : t("label")}
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Input
          name="name"
          id={`${prefix}-name`}
          label={t("name")}
          maxLength={120}
          required
          defaultValue={trigger?.name}
          error={e.name}
        />
        {builtIn ? (
          <p className="self-end text-sm text-slate-700">{t("builtInSurvey")}</p>
        ) : (
          <Select
            name="surveyId"
            id={`${prefix}-survey`}
            label={t("survey")}
            options={surveyOptions}
            defaultValue={trigger?.survey?.id}
            error={e.surveyId}
          />
        )}
        {builtIn ? null : (
          <Select
            name="channel"
            id={`${prefix}-channel`}
            label={t("sendBy")}
            options={channels.options}
            hint={channels.smsHint}
            defaultValue={trigger?.channel ?? "email"}
            error={e.channel}
          />
        )}
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t("when")}</legend>
        {trigger ? (
          <p className="text-sm text-slate-700 sm:col-span-3">
            {builtIn
              ? t("builtInEvent")
              : t("fixedEvent", { event: events.find((x) => x.value === trigger.event)?.label ?? trigger.event })}
          </p>
        ) : (
          <Select
            name="event"
            id={`${prefix}-event`}
            label={t("eventLabel")}
            options={events}
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
              label={t("touchpoint")}
              options={[{ value: "", label: t("anyTouchpoint") }, ...touchpoints]}
              defaultValue={trigger?.touchpoint?.id ?? ""}
              error={e.touchpointId}
            />
            <Select
              name="outcome"
              id={`${prefix}-outcome`}
              label={t("outcome")}
              options={[
                { value: "", label: t("anyOutcome") },
                ...OUTCOMES.map((o) => ({ value: o, label: tOutcome(o) })),
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
          label={t("delay")}
          hint={t("delayHint")}
          error={e.delayAmount}
        />
        <Select
          name="delayUnit"
          id={`${prefix}-delay-unit`}
          label={t("unit")}
          options={UNITS.map((value) => ({ value, label: t(`units.${value}`) }))}
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
      {message ? <FormMessage tone="error">{fieldErrors ? t("correct") : message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{trigger ? t("saved") : t("created")}</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={trigger ? t("saving") : t("creating")}>
          {trigger ? t("save") : t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}
