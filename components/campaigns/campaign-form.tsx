"use client";
// The new-campaign form: channel (e-mail or SMS), survey, audience, schedule, send window and reminders. Errors appear next to their
// fields; what was typed stays when the save fails. The time zone starts as the browser's.
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { createCampaignAction } from "@/app/_actions/campaigns";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";

import { HOUR_OPTIONS as HOURS } from "@/components/ui/hour-options";
import { CHANNEL_OPTIONS, SMS_HINT } from "./channel-options";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function CampaignForm({ surveys, audiences }: { surveys: Option[]; audiences: Option[] }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createCampaignAction);
  // The browser's time zone once hydrated (the server renders UTC); the input is re-made with it as its default.
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const e = fieldErrors ?? {};
  if (surveys.length === 0 || audiences.length === 0)
    return (
      <p className="text-sm text-slate-700">
        A campaign needs a live survey and an audience.{" "}
        {surveys.length === 0 ? (
          <>
            <Link href="/surveys" className="underline">
              Publish a survey
            </Link>{" "}
          </>
        ) : null}
        {audiences.length === 0 ? (
          <Link href="/settings/audiences" className="underline">
            Build an audience
          </Link>
        ) : null}{" "}
        first.
      </p>
    );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="New campaign" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Input name="name" id="campaign-name" label="Name" maxLength={120} required error={e.name} />
        <Select
          name="channel"
          id="campaign-channel"
          label="Send by"
          options={CHANNEL_OPTIONS}
          hint={SMS_HINT}
          error={e.channel}
        />
        <Input
          name="subject"
          id="campaign-subject"
          label="E-mail subject"
          hint="E-mail only. Leave empty for “<your organization> would like your opinion”"
          maxLength={150}
          error={e.subject}
        />
        <Select name="surveyId" id="campaign-survey" label="Survey" options={surveys} error={e.surveyId} />
        <Select name="audienceId" id="campaign-audience" label="Audience" options={audiences} error={e.audienceId} />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">When</legend>
        <Input
          name="startAt"
          id="campaign-start"
          type="datetime-local"
          label="First wave"
          hint="Empty: now. In the time zone below"
          error={e.startAt}
        />
        <Input
          name="repeatEveryDays"
          id="campaign-repeat"
          type="number"
          min={1}
          max={730}
          label="Repeat every (days)"
          hint="Empty: one wave. 90 for quarterly waves"
          error={e.repeatEveryDays}
        />
        <Input
          name="timeZone"
          id="campaign-tz"
          label="Time zone"
          hint="For customers whose own time zone is unknown"
          key={browserZone}
          defaultValue={browserZone}
          error={e.timeZone}
        />
        <Select
          name="windowStartHour"
          id="campaign-window-start"
          label="Send from"
          options={HOURS.slice(0, 24)}
          defaultValue="9"
          error={e.windowStartHour}
        />
        <Select
          name="windowEndHour"
          id="campaign-window-end"
          label="Send until"
          hint="Customer's local time; same hour as “from”: any time"
          options={HOURS}
          defaultValue="20"
          error={e.windowEndHour}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Reminders to those who have not answered</legend>
        <Select
          name="reminderCount"
          id="campaign-reminders"
          label="How many"
          options={[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 0 ? "None" : String(n) }))}
          defaultValue="1"
          error={e.reminderCount}
        />
        <Input
          name="reminderDelayHours"
          id="campaign-reminder-delay"
          type="number"
          min={1}
          max={2160}
          defaultValue={72}
          label="Hours after the previous e-mail"
          error={e.reminderDelayHours}
        />
      </fieldset>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">Campaign created. Its first wave starts on time.</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create campaign
        </SubmitButton>
      </div>
    </form>
  );
}
