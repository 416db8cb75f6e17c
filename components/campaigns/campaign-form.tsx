"use client";
// The new-campaign form: channel (e-mail or SMS), survey, audience, schedule, and how it sends (the send window,
// subject and reminders: SendingFields, shared with the trigger form). Errors appear next to their fields; what
// was typed stays when the save fails. An empty time zone is the organization's (its contact rules).
import Link from "next/link";
import { createCampaignAction } from "@/app/_actions/campaigns";
import { Input } from "@/components/ui/input";
import { Select, type Option } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SendingFields, type SendingContext } from "@/components/sending/sending-fields";
import { CHANNEL_OPTIONS, SMS_HINT } from "./channel-options";

const DEFAULTS = {
  timeZone: null,
  windowStartHour: 9,
  windowEndHour: 20,
  reminderCount: 1,
  reminderDelayHours: 72,
  subject: null,
};

export function CampaignForm({
  surveys,
  audiences,
  sending,
}: {
  surveys: Option[];
  audiences: Option[];
  sending: SendingContext;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createCampaignAction);
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
        <Select name="surveyId" id="campaign-survey" label="Survey" options={surveys} error={e.surveyId} />
        <Select name="audienceId" id="campaign-audience" label="Audience" options={audiences} error={e.audienceId} />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">When</legend>
        <Input
          name="startAt"
          id="campaign-start"
          type="datetime-local"
          label="First wave"
          hint="Empty: now. In the send window's time zone below"
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
      </fieldset>
      <SendingFields
        idPrefix="campaign"
        errors={e}
        defaults={DEFAULTS}
        context={sending}
        subjectHint="E-mail only. Leave empty for “<your organization> would like your opinion”"
      />
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
